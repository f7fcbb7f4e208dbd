using GrokFactsBot.Core.Domain;
using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Models, sources and claims in LiteDB. Every read goes through an index; every write bumps <see cref="Version"/>
/// so in-memory indexes built on top (name resolution, dispute lists) know when to rebuild.
/// </summary>
public sealed class KnowledgeStore
{
    private readonly ILiteCollection<BsonDocument> _models;
    private readonly ILiteCollection<BsonDocument> _sources;
    private readonly ILiteCollection<BsonDocument> _claims;
    private readonly ILiteCollection<BsonDocument> _rankings;
    private readonly ILiteCollection<BsonDocument> _chatAliases;
    private readonly ReadCache _cache = new();
    private long _version;

    public KnowledgeStore(ILiteDatabase database)
    {
        Database = database;
        _models = database.GetCollection("models");
        _sources = database.GetCollection("sources");
        _claims = database.GetCollection("claims");
        _models.EnsureIndex("nameKeys", "$.nameKeys[*]");
        _models.EnsureIndex("origin", "$.origin.name");
        _sources.EnsureIndex("url", "$.url");
        _sources.EnsureIndex("origin", "$.origin.name");
        _claims.EnsureIndex("modelId", "$.modelId");
        _claims.EnsureIndex("sourceId", "$.sourceId");
        _claims.EnsureIndex("origin", "$.origin.name");
        _rankings = database.GetCollection("claim_rankings");
        _rankings.EnsureIndex("modelId", "$.modelId");
        _chatAliases = database.GetCollection("chat_aliases");
        _chatAliases.EnsureIndex("modelId", "$.modelId");
    }

    public ILiteDatabase Database { get; }

    public long Version => Interlocked.Read(ref _version);

    public void MarkChanged()
    {
        _cache.Clear();
        Interlocked.Increment(ref _version);
    }

    public Model? FindModel(string id) => _models.FindById(id) is { } doc ? Documents.ToModel(doc) : null;

    public IReadOnlyList<Model> FindModelsByKey(string key) =>
        _cache.Get(
            "key",
            key,
            () =>
                (IReadOnlyList<Model>)
                    _models
                        .Find(BsonExpression.Create("$.nameKeys[*] ANY = @0", key))
                        .Select(Documents.ToModel)
                        .ToList()
        );

    public IReadOnlyList<Model> AllModels() => _models.FindAll().Select(Documents.ToModel).ToList();

    public int ModelCount => _models.Count();

    public Source? FindSource(string id) =>
        _cache
            .Get(
                "source",
                id,
                () => new Cached<Source>(_sources.FindById(id) is { } doc ? Documents.ToSource(doc) : null)
            )
            .Value;

    public Source? FindSourceByUrl(string url) =>
        _sources.FindOne(Query.EQ("$.url", url)) is { } doc ? Documents.ToSource(doc) : null;

    /// <summary>A claim as users see it: with any rank or dispute an admin set from chat applied.</summary>
    public Claim? FindClaim(string id) =>
        _claims.FindById(id) is { } doc
            ? Ranked(Documents.ToClaim(doc), _rankings.FindById(id) is { } r ? Documents.ToRanking(r) : null)
            : null;

    public IReadOnlyList<Claim> ClaimsFor(string modelId) => _cache.Get("claims", modelId, () => LoadClaims(modelId));

    private IReadOnlyList<Claim> LoadClaims(string modelId)
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
        _cache.Get(
            "sourced",
            modelId,
            () =>
                (IReadOnlyList<(Claim Claim, Source Source)>)
                    ClaimsFor(modelId)
                        .Select(claim => (claim, FindSource(claim.SourceId)))
                        .Where(pair => pair.Item2 is not null)
                        .Select(pair => (pair.claim, pair.Item2!))
                        .ToList()
        );

    public void SetRanking(ClaimRanking ranking)
    {
        _rankings.Upsert(Documents.From(ranking));
        MarkChanged();
    }

    private static Claim Ranked(Claim claim, ClaimRanking? ranking) =>
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
        MarkChanged();
    }

    /// <summary>Every claim as stored (no chat ranks applied): the import compares against these.</summary>
    public IReadOnlyList<Claim> AllStoredClaims() => _claims.FindAll().Select(Documents.ToClaim).ToList();

    /// <summary>Which file, dataset or chat each claim id belongs to, without reading the claims themselves.</summary>
    public IReadOnlyDictionary<string, Origin> ClaimOrigins() =>
        _claims
            .Query()
            .Select(x => new { Id = x["_id"], Origin = x["origin"] })
            .ToEnumerable()
            .ToDictionary(d => d.Id.AsString, d => new Origin(d.Origin["kind"].AsString, d.Origin["name"].AsString));

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
        MarkChanged();
    }

    public void Upsert(Source source)
    {
        _sources.Upsert(Documents.From(source));
        MarkChanged();
    }

    public void Upsert(Claim claim)
    {
        _claims.Upsert(Documents.From(claim));
        MarkChanged();
    }

    public void DeleteModel(string id)
    {
        _models.Delete(id);
        MarkChanged();
    }

    public void DeleteSource(string id)
    {
        _sources.Delete(id);
        MarkChanged();
    }

    public void DeleteClaim(string id)
    {
        _claims.Delete(id);
        MarkChanged();
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one LiteDB transaction: all of it lands or none of it does.
    /// LiteDB transactions belong to the calling thread, so the work must not await.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        Database.BeginTrans();
        try
        {
            var before = Version;
            var result = work();
            Database.Commit();
            // Readers on other threads may have cached pre-commit data while the transaction ran; a transaction that
            // touched no knowledge (the outbox marking deliveries) leaves the caches alone.
            if (Version != before)
                MarkChanged();
            return result;
        }
        catch
        {
            Database.Rollback();
            MarkChanged();
            throw;
        }
    }
}

/// <summary>Lets the read cache remember "not found" as well as a value.</summary>
internal sealed record Cached<T>(T? Value)
    where T : class;
