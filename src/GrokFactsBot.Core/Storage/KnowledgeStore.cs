using GrokFactsBot.Core.Domain;
using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Models, sources and claims in LiteDB, the durable store, and the <see cref="Snapshot"/> the answer path reads
/// instead: every write here builds the next snapshot from what it touched and swaps it in, so answers never touch
/// LiteDB (and keep working when the disk is full). Inside <see cref="InTransaction{T}"/> the writing thread sees
/// its own uncommitted writes; everyone else sees them once the transaction commits.
/// </summary>
public sealed class KnowledgeStore
{
    private readonly ILiteCollection<BsonDocument> _models;
    private readonly ILiteCollection<BsonDocument> _sources;
    private readonly ILiteCollection<BsonDocument> _claims;
    private readonly ILiteCollection<BsonDocument> _rankings;
    private readonly ILiteCollection<BsonDocument> _chatAliases;
    private readonly SnapshotBuilder _builder;
    private readonly Lock _publishing = new();
    // LiteDB transactions belong to a thread, so the writes of the one under way do too.
    [ThreadStatic]
    private static Pending? t_pending;
    private KnowledgeSnapshot? _snapshot;
    private long _version;

    public KnowledgeStore(ILiteDatabase database)
    {
        Database = database;
        _models = database.GetCollection(KnowledgeCollections.Models);
        _sources = database.GetCollection(KnowledgeCollections.Sources);
        _claims = database.GetCollection(KnowledgeCollections.Claims);
        _models.EnsureIndex("nameKeys", "$.nameKeys[*]");
        _models.EnsureIndex("origin", "$.origin.name");
        _sources.EnsureIndex("url", "$.url");
        _sources.EnsureIndex("origin", "$.origin.name");
        _claims.EnsureIndex("modelId", "$.modelId");
        _claims.EnsureIndex("sourceId", "$.sourceId");
        _claims.EnsureIndex("origin", "$.origin.name");
        _rankings = database.GetCollection(KnowledgeCollections.Rankings);
        _rankings.EnsureIndex("modelId", "$.modelId");
        _chatAliases = database.GetCollection("chat_aliases");
        _chatAliases.EnsureIndex("modelId", "$.modelId");
        database.GetCollection(KnowledgeCollections.Log).EnsureIndex("modelId", "$.modelId");
        _builder = new SnapshotBuilder(database);
        _snapshot = (database as FileDatabase)?.TakeFirstSnapshot();
    }

    public ILiteDatabase Database { get; }

    /// <summary>How many knowledge writes have been published; the snapshot carries the number it was built at.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// What answers read: the last published snapshot, built from LiteDB on first use; on a thread inside a
    /// transaction that has written, a snapshot that includes those writes.
    /// </summary>
    public KnowledgeSnapshot Snapshot
    {
        get
        {
            if (Mine() is { Changes.IsEmpty: false } pending)
                // Never published: it holds writes that may yet roll back.
                return pending.View ??= Volatile.Read(ref _snapshot) is { } published
                    ? _builder.Apply(published, pending.Changes, Version, inTransaction: true)
                    : _builder.Full(Version, inTransaction: true);
            if (Volatile.Read(ref _snapshot) is { } snapshot)
                return snapshot;
            lock (_publishing)
                return _snapshot ??= _builder.Full(Version, inTransaction: Mine() is not null);
        }
    }

    /// <summary>
    /// Drops the snapshot so the next read rebuilds it from LiteDB: for changes made to the database behind the
    /// store's back.
    /// </summary>
    public void MarkChanged()
    {
        lock (_publishing)
        {
            Interlocked.Increment(ref _version);
            Volatile.Write(ref _snapshot, null);
        }
    }

    private void Touched(Action<ChangeSet> touch)
    {
        if (Mine() is { } pending)
        {
            touch(pending.Changes);
            pending.View = null;
            return;
        }
        var changes = new ChangeSet();
        touch(changes);
        Publish(changes);
    }

    private void Publish(ChangeSet changes)
    {
        if (changes.IsEmpty)
            return;
        lock (_publishing)
        {
            var version = Interlocked.Increment(ref _version);
            if (_snapshot is { } current)
                Volatile.Write(ref _snapshot, _builder.Apply(current, changes, version));
        }
    }

    public Model? FindModel(string id) => _models.FindById(id) is { } doc ? Documents.ToModel(doc) : null;

    /// <summary>Models one of whose names has this key (<see cref="Names.Key"/>), from the snapshot.</summary>
    public IReadOnlyList<Model> FindModelsByKey(string key) => Snapshot.FindModelsByKey(key);

    /// <summary>Every model, from the snapshot.</summary>
    public IReadOnlyList<Model> AllModels() => Snapshot.AllModels;

    public int ModelCount => _models.Count();

    public Source? FindSource(string id) => _sources.FindById(id) is { } doc ? Documents.ToSource(doc) : null;

    public Source? FindSourceByUrl(string url) =>
        _sources.FindOne(Query.EQ("$.url", url)) is { } doc ? Documents.ToSource(doc) : null;

    /// <summary>
    /// The source a writer in <paramref name="scope"/> reuses for a URL: the shared base's, else (for a server) the
    /// one that server created. Another server's source is never reused: its text and kind are that admin's word.
    /// </summary>
    public Source? FindSourceByUrl(string url, string? scope)
    {
        var candidates = _sources.Find(Query.EQ("$.url", url)).Select(Documents.ToSource).ToList();
        return candidates.FirstOrDefault(s => s.Scope is null)
            ?? (scope is null ? null : candidates.FirstOrDefault(s => s.Scope == scope));
    }

    /// <summary>A claim as users see it: with any rank or dispute an admin set from chat applied.</summary>
    public Claim? FindClaim(string id) =>
        _claims.FindById(id) is { } doc
            ? Ranked(Documents.ToClaim(doc), _rankings.FindById(id) is { } r ? Documents.ToRanking(r) : null)
            : null;

    /// <summary>A model's claims as users see them, read from LiteDB (for writers checking what is stored).</summary>
    public IReadOnlyList<Claim> ClaimsFor(string modelId)
    {
        var rankings = _rankings
            .Find(Query.EQ("$.modelId", modelId))
            .Select(Documents.ToRanking)
            .ToDictionary(r => r.ClaimId);
        return _claims
            .Find(Query.EQ("$.modelId", modelId))
            .Select(Documents.ToClaim)
            .Select(c => Ranked(c, rankings.GetValueOrDefault(c.Id)))
            .ToList();
    }

    /// <summary>
    /// A model's claims as users see them, each with its source; a claim whose source is gone is left out.
    /// </summary>
    public IReadOnlyList<(Claim Claim, Source Source)> ClaimsWithSources(string modelId) =>
        Snapshot.ClaimsWithSources(modelId);

    public void SetRanking(ClaimRanking ranking)
    {
        _rankings.Upsert(Documents.From(ranking));
        Touched(c => c.Models.Add(ranking.ModelId));
    }

    internal static Claim Ranked(Claim claim, ClaimRanking? ranking) =>
        ranking is null
            ? claim
            : claim with
            {
                Rank = ranking.Rank,
                RankReason = ranking.RankReason,
                DisputeReason = ranking.DisputeReason,
            };

    /// <summary>Aliases admins added from chat; an import merges them back into the file's model.</summary>
    public IReadOnlyList<string> ChatAliasesFor(string modelId) =>
        _chatAliases.Find(Query.EQ("$.modelId", modelId)).Select(d => d["alias"].AsString).ToList();

    public void AddChatAlias(string modelId, string alias)
    {
        _chatAliases.Upsert(
            new BsonDocument
            {
                ["_id"] = $"{modelId}|{Names.Key(alias)}",
                ["modelId"] = modelId,
                ["alias"] = alias,
            }
        );
        Touched(c => c.Models.Add(modelId));
    }

    /// <summary>Every model as stored in LiteDB, not from the snapshot: the import compares against these.</summary>
    public IReadOnlyList<Model> AllStoredModels() => _models.FindAll().Select(Documents.ToModel).ToList();

    /// <summary>Every claim as stored (no chat ranks applied): the import compares against these.</summary>
    public IReadOnlyList<Claim> AllStoredClaims() => _claims.FindAll().Select(Documents.ToClaim).ToList();

    /// <summary>Which file, dataset or chat each claim id belongs to, without reading the claims themselves.</summary>
    public IReadOnlyDictionary<string, Origin> ClaimOrigins() =>
        _claims
            .Query()
            .Select(BsonExpression.Create("{ _id: $._id, origin: $.origin }"))
            .ToEnumerable()
            .ToDictionary(
                d => d["_id"].AsString,
                d => new Origin(d["origin"]["kind"].AsString, d["origin"]["name"].AsString)
            );

    public IReadOnlyList<Source> AllSources() => _sources.FindAll().Select(Documents.ToSource).ToList();

    public ILookup<string, string> AllChatAliases() =>
        _chatAliases.FindAll().ToLookup(d => d["modelId"].AsString, d => d["alias"].AsString);

    public bool AnyClaimCites(string sourceId) => _claims.Exists(Query.EQ("$.sourceId", sourceId));

    public IReadOnlyList<Model> ModelsOwnedBy(Origin origin) =>
        _models
            .Find(Query.EQ("$.origin.name", origin.Name))
            .Select(Documents.ToModel)
            .Where(m => m.Origin == origin)
            .ToList();

    public IReadOnlyList<Source> SourcesOwnedBy(Origin origin) =>
        _sources
            .Find(Query.EQ("$.origin.name", origin.Name))
            .Select(Documents.ToSource)
            .Where(s => s.Origin == origin)
            .ToList();

    public IReadOnlyList<Claim> ClaimsOwnedBy(Origin origin) =>
        _claims
            .Find(Query.EQ("$.origin.name", origin.Name))
            .Select(Documents.ToClaim)
            .Where(c => c.Origin == origin)
            .ToList();

    public void Upsert(Model model)
    {
        _models.Upsert(Documents.From(model));
        Touched(c => c.Models.Add(model.Id));
    }

    public void Upsert(Source source)
    {
        _sources.Upsert(Documents.From(source));
        Touched(c => c.Sources.Add(source.Id));
    }

    public void Upsert(Claim claim)
    {
        // A claim moved to another model leaves the old one too.
        var before = _claims.FindById(claim.Id)?["modelId"];
        _claims.Upsert(Documents.From(claim));
        Touched(c =>
        {
            c.Models.Add(claim.ModelId);
            if (before is { IsString: true } old)
                c.Models.Add(old.AsString);
        });
    }

    /// <summary>
    /// An import's writes in one call per collection, published together; <paramref name="movedFrom"/> names
    /// models that claims left, whose answers change too.
    /// </summary>
    public void UpsertMany(
        IReadOnlyCollection<Model> models,
        IReadOnlyCollection<Source> sources,
        IReadOnlyCollection<Claim> claims,
        IEnumerable<string> movedFrom
    )
    {
        _models.Upsert(models.Select(Documents.From));
        _sources.Upsert(sources.Select(Documents.From));
        _claims.Upsert(claims.Select(Documents.From));
        Touched(c =>
        {
            c.Models.UnionWith(models.Select(m => m.Id));
            c.Models.UnionWith(claims.Select(x => x.ModelId));
            c.Models.UnionWith(movedFrom);
            c.Sources.UnionWith(sources.Select(x => x.Id));
        });
    }

    public void DeleteModel(string id)
    {
        _models.Delete(id);
        Touched(c => c.Models.Add(id));
    }

    public void DeleteSource(string id)
    {
        _sources.Delete(id);
        Touched(c => c.Sources.Add(id));
    }

    public void DeleteClaim(string id)
    {
        var model = _claims.FindById(id)?["modelId"];
        _claims.Delete(id);
        if (model is { IsString: true })
            Touched(c => c.Models.Add(model.AsString));
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one LiteDB transaction: all of it lands or none of it does. What it wrote is
    /// published as one new snapshot when it commits; a transaction that touched no knowledge (the outbox marking
    /// deliveries) publishes nothing. LiteDB transactions belong to the calling thread, so the work must not await.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        if (Mine() is not null)
            return work();
        var pending = new Pending(this);
        Database.BeginTrans();
        t_pending = pending;
        try
        {
            var result = work();
            Database.Commit();
            t_pending = null;
            Publish(pending.Changes);
            return result;
        }
        catch
        {
            t_pending = null;
            Database.Rollback();
            throw;
        }
    }

    /// <summary>The writes of the transaction running on this thread, and the snapshot that includes them.</summary>
    private Pending? Mine() => t_pending is { } pending && pending.Store == this ? pending : null;

    private sealed class Pending(KnowledgeStore store)
    {
        public KnowledgeStore Store { get; } = store;
        public ChangeSet Changes { get; } = new();
        public KnowledgeSnapshot? View { get; set; }
    }
}
