using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using LiteDB;

namespace GrokFactsBot.Core.Curation;

/// <summary>One change made from chat: who, where, when, what it was before and after, and why.</summary>
public sealed record CurationEntry(
    string ModelId,
    string? ClaimId,
    string Action,
    string Before,
    string After,
    string? Reason,
    string By,
    string Where,
    DateTimeOffset At,
    string? Scope
);

/// <summary>
/// The audit trail behind <c>fact history</c>. Entries are only ever added, in the same transaction as the change.
/// </summary>
public sealed class CurationLog
{
    private readonly ILiteCollection<BsonDocument> _entries;

    public CurationLog(KnowledgeStore store)
    {
        _entries = store.Database.GetCollection(KnowledgeCollections.Log, BsonAutoId.Int64);
        _entries.EnsureIndex("modelId", "$.modelId");
    }

    /// <summary>The action of a <c>fact add</c>.</summary>
    public const string AddedClaim = "added claim";

    public static string Who(Caller caller) => $"{caller.DisplayName} ({caller.UserId})";

    public static string Where(Caller caller) =>
        $"{caller.Platform.ToString().ToLowerInvariant()}{(caller.Scope is null ? "" : " " + caller.Scope)}{(caller.ChannelId is null ? "" : " #" + caller.ChannelId)}";

    public void Add(CurationEntry entry) =>
        _entries.Insert(
            new BsonDocument
            {
                ["modelId"] = entry.ModelId,
                ["claimId"] = entry.ClaimId,
                ["action"] = entry.Action,
                ["before"] = entry.Before,
                ["after"] = entry.After,
                ["reason"] = entry.Reason,
                ["by"] = entry.By,
                ["where"] = entry.Where,
                ["at"] = entry.At.UtcDateTime,
                ["scope"] = entry.Scope,
            }
        );

    /// <summary>Newest first; a server sees the shared base's history and its own, never another server's.</summary>
    public IReadOnlyList<CurationEntry> For(string modelId, Audience audience) =>
        _entries
            .Find(Query.EQ("modelId", modelId))
            .OrderByDescending(d => d["_id"].AsInt64)
            .Select(d => new CurationEntry(
                d["modelId"].AsString,
                Text(d["claimId"]),
                d["action"].AsString,
                d["before"].AsString,
                d["after"].AsString,
                Text(d["reason"]),
                d["by"].AsString,
                d["where"].AsString,
                new DateTimeOffset(DateTime.SpecifyKind(d["at"].AsDateTime, DateTimeKind.Utc)),
                Text(d["scope"])
            ))
            .Where(e => audience.CanSee(e.Scope))
            .ToList();

    /// <summary>
    /// Each claim added from chat and the scope it was added in, in the order they were added: the log's own order,
    /// which no clock can tie.
    /// </summary>
    public IReadOnlyList<(string ClaimId, string? Scope)> Additions() =>
        _entries
            .Find(Query.EQ("action", AddedClaim))
            .OrderBy(d => d["_id"].AsInt64)
            .Select(d => (d["claimId"].AsString, Text(d["scope"])))
            .ToList();

    private static string? Text(BsonValue value) => value.IsNull ? null : value.AsString;
}
