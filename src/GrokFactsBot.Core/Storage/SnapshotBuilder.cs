using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>What a write touched, so the next snapshot reloads only that.</summary>
internal sealed class ChangeSet
{
    public HashSet<string> Models { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Models.Count == 0 && Sources.Count == 0;

    public void Add(ChangeSet other)
    {
        Models.UnionWith(other.Models);
        Sources.UnionWith(other.Sources);
    }
}

/// <summary>
/// Reads LiteDB into a <see cref="KnowledgeSnapshot"/>: all of it once, then after each write only the models and
/// sources the write touched, reusing everything else (the name index too, unless a name changed).
/// </summary>
internal sealed class SnapshotBuilder(ILiteDatabase database)
{
    private const string ClaimsPivot = "h";

    /// <summary>Past this share of the models, reloading everything is simpler and no slower.</summary>
    private const double FullReloadShare = 0.25;

    private readonly ILiteCollection<BsonDocument> _models = database.GetCollection(KnowledgeCollections.Models);
    private readonly ILiteCollection<BsonDocument> _sources = database.GetCollection(KnowledgeCollections.Sources);
    private readonly ILiteCollection<BsonDocument> _claims = database.GetCollection(KnowledgeCollections.Claims);
    private readonly ILiteCollection<BsonDocument> _rankings = database.GetCollection(KnowledgeCollections.Rankings);

    // The curation log belongs to chat curation; the snapshot only reads when ranks changed, for "as of".
    private readonly ILiteCollection<BsonDocument> _log = database.GetCollection(KnowledgeCollections.Log);

    /// <summary>
    /// Reads everything. Outside a transaction the claims, most of the base, are read on a second thread while this
    /// one reads the rest and indexes the names (start-up waits for this). Inside one they are not: a LiteDB
    /// transaction belongs to its thread, and another thread would not see its writes.
    /// </summary>
    public KnowledgeSnapshot Full(long version, bool inTransaction = false)
    {
        var shared = SharedCopies.ForOneBuild();
        List<Claim> ReadClaims(Func<IEnumerable<BsonDocument>> find) => [.. find().Select(d => Documents.ToClaim(d, shared))];
        var claimsRead = inTransaction
            ? Task.FromResult(ReadClaims(_claims.FindAll))
            // In two halves, so a core done with the rest still has claims to read. Claim ids are hashes in
            // ClaimIds' alphabet (digits sort first), so "h" falls near the middle.
            : Task.WhenAll(
                    Task.Run(() => ReadClaims(() => _claims.Find(Query.LT("_id", ClaimsPivot)))),
                    Task.Run(() => ReadClaims(() => _claims.Find(Query.GTE("_id", ClaimsPivot))))
                )
                .ContinueWith(halves => halves.Result.SelectMany(h => h).ToList(), TaskScheduler.Default);
        var sources = _sources
            .FindAll()
            .Select(d => Documents.ToSource(d, shared))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var rankings = _rankings
            .FindAll()
            .Select(Documents.ToRanking)
            .ToLookup(r => r.ModelId, StringComparer.Ordinal);
        var history = _log.FindAll().Select(ToEvent).OfType<(string ModelId, RankEvent Event)>().ToLookup(e => e.ModelId);
        var stored = _models.FindAll().Select(d => Documents.ToModel(d, shared)).ToList();
        var names = NameIndex.Build(stored);
        var claims = claimsRead.GetAwaiter().GetResult().ToLookup(c => c.ModelId, StringComparer.Ordinal);
        var models = stored.ToDictionary(
            m => m.Id,
            m => Entry(m, claims[m.Id], rankings[m.Id], history[m.Id].Select(e => e.Event), sources),
            StringComparer.Ordinal
        );
        return new KnowledgeSnapshot(version, models, sources, names);
    }

    public KnowledgeSnapshot Apply(
        KnowledgeSnapshot previous,
        ChangeSet changes,
        long version,
        bool inTransaction = false
    )
    {
        if (changes.Models.Count > Math.Max(50, previous.ModelCount * FullReloadShare))
            return Full(version, inTransaction);
        var shared = SharedCopies.ForOneBuild();
        var sources = new Dictionary<string, Source>((IDictionary<string, Source>)previous.Sources, StringComparer.Ordinal);
        var touched = new HashSet<string>(changes.Models, StringComparer.Ordinal);
        foreach (var id in changes.Sources)
        {
            if (_sources.FindById(id) is { } doc)
                sources[id] = Documents.ToSource(doc, shared);
            else
                sources.Remove(id);
            touched.UnionWith(_claims.Find(Query.EQ("$.sourceId", id)).Select(d => d["modelId"].AsString));
        }
        var models = new Dictionary<string, ModelEntry>(
            (IDictionary<string, ModelEntry>)previous.Entries,
            StringComparer.Ordinal
        );
        var namesChanged = false;
        foreach (var id in touched)
        {
            var before = previous.FindModel(id);
            var after = _models.FindById(id) is { } doc ? Documents.ToModel(doc, shared) : null;
            if (after is null)
                models.Remove(id);
            else
                models[id] = Entry(
                    after,
                    _claims.Find(Query.EQ("$.modelId", id)).Select(d => Documents.ToClaim(d, shared)),
                    _rankings.Find(Query.EQ("$.modelId", id)).Select(Documents.ToRanking),
                    _log.Find(Query.EQ("modelId", id)).Select(ToEvent).OfType<(string, RankEvent Event)>().Select(e => e.Event),
                    sources
                );
            namesChanged |= before is null || after is null || !SameNames(before, after);
        }
        var names = namesChanged ? NameIndex.Build(models.Values.Select(e => e.Model)) : previous.Names;
        return new KnowledgeSnapshot(version, models, sources, names);
    }

    private static ModelEntry Entry(
        Model model,
        IEnumerable<Claim> claims,
        IEnumerable<ClaimRanking> rankings,
        IEnumerable<RankEvent> history,
        Dictionary<string, Source> sources
    )
    {
        var ranks = rankings.ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
        var unranked = new Dictionary<string, Claim>(StringComparer.Ordinal);
        var paired = new List<(Claim, Source)>();
        // By id, however they were read (all at start, by model after a write): the same base, the same answers.
        foreach (var claim in claims.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (!sources.TryGetValue(claim.SourceId, out var source))
                continue;
            if (ranks.TryGetValue(claim.Id, out var ranking))
            {
                unranked[claim.Id] = claim;
                paired.Add((KnowledgeStore.Ranked(claim, ranking), source));
            }
            else
                paired.Add((claim, source));
        }
        return new ModelEntry(model, paired, unranked, history.OrderBy(e => e.At).ToList());
    }

    private static bool SameNames(Model a, Model b) =>
        a.Name == b.Name
        && a.Family == b.Family
        && a.Developer == b.Developer
        && a.Scope == b.Scope
        && a.Aliases.SequenceEqual(b.Aliases);

    private static (string ModelId, RankEvent Event)? ToEvent(BsonDocument doc) =>
        doc["claimId"].IsString
            ? (
                doc["modelId"].AsString,
                new RankEvent(
                    doc["claimId"].AsString,
                    doc["action"].AsString,
                    doc["reason"].IsString ? doc["reason"].AsString : null,
                    new DateTimeOffset(DateTime.SpecifyKind(doc["at"].AsDateTime, DateTimeKind.Utc))
                )
            )
            : null;
}
