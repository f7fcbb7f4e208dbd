using GrokFactsBot.Core.Storage;
using LiteDB;

namespace GrokFactsBot.Core.Watch;

/// <summary>
/// What one watched feed (a Hugging Face organisation, the models.dev catalogue) looked like at the last complete
/// poll: its ETag, when it was first and last polled, and entries seen but not yet recorded (with their failures).
/// </summary>
public sealed record FeedState(
    string Key,
    string? ETag,
    DateTimeOffset? BaselinedAt,
    DateTimeOffset? LastPolledAt,
    IReadOnlyDictionary<string, int> Pending
)
{
    public static FeedState New(string key) => new(key, null, null, null, new Dictionary<string, int>());
}

/// <summary>
/// The watchers' memory in LiteDB, next to the knowledge it feeds: feeds, and every entry already seen. An entry is
/// marked seen in the same transaction as the claims and the update it produced, so a crash at any point either
/// leaves it unseen (the next poll records it) or recorded and announced exactly once.
/// </summary>
public sealed class WatchState
{
    private readonly ILiteCollection<BsonDocument> _feeds;
    private readonly ILiteCollection<BsonDocument> _seen;

    public WatchState(KnowledgeStore store)
    {
        _feeds = store.Database.GetCollection("watch_feeds");
        _seen = store.Database.GetCollection("watch_seen");
        _seen.EnsureIndex("feed", "$.feed");
    }

    public FeedState Feed(string key) =>
        _feeds.FindById(key) is { } doc
            ? new FeedState(
                key,
                doc["etag"].IsNull ? null : doc["etag"].AsString,
                doc["baselinedAt"].IsNull ? null : Utc(doc["baselinedAt"]),
                doc["lastPolledAt"].IsNull ? null : Utc(doc["lastPolledAt"]),
                doc["pending"].AsDocument.ToDictionary(kv => kv.Value["id"].AsString, kv => kv.Value["failures"].AsInt32)
            )
            : FeedState.New(key);

    public void Save(FeedState feed) =>
        _feeds.Upsert(
            new BsonDocument
            {
                ["_id"] = feed.Key,
                ["etag"] = feed.ETag,
                ["baselinedAt"] = feed.BaselinedAt is { } at ? at.UtcDateTime : BsonValue.Null,
                ["lastPolledAt"] = feed.LastPolledAt is { } polled ? polled.UtcDateTime : BsonValue.Null,
                // Keys of a BSON document cannot hold every repo id, so each pending entry carries its own.
                ["pending"] = new BsonDocument(
                    feed.Pending.Select((kv, i) =>
                            new KeyValuePair<string, BsonValue>(
                                $"p{i}",
                                new BsonDocument { ["id"] = kv.Key, ["failures"] = kv.Value }
                            )
                        )
                        .ToDictionary()
                ),
            }
        );

    public bool HasSeen(string feed, string entry) => _seen.FindById(SeenId(feed, entry)) is not null;

    public void MarkSeen(string feed, string entry, string outcome, DateTimeOffset at) =>
        _seen.Upsert(
            new BsonDocument
            {
                ["_id"] = SeenId(feed, entry),
                ["feed"] = feed,
                ["entry"] = entry,
                ["outcome"] = outcome,
                ["at"] = at.UtcDateTime,
            }
        );

    public int SeenCount(string feed) => _seen.Count(Query.EQ("feed", feed));

    private static string SeenId(string feed, string entry) => $"{feed}|{entry.ToLowerInvariant()}";

    private static DateTimeOffset Utc(BsonValue value) => new(DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc));
}
