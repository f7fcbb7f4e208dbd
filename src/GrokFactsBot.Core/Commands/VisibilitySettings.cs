using System.Collections.Concurrent;
using LiteDB;

namespace GrokFactsBot.Core.Commands;

/// <summary>
/// Each server's default for answers to questions, as its admins set it (public unless they chose). Every answer
/// asks, so the settings are read from the database once and kept in memory; a change writes through.
/// </summary>
public sealed class VisibilitySettings
{
    private readonly ILiteCollection<BsonDocument> _servers;
    private readonly ConcurrentDictionary<string, Visibility> _defaults = new(StringComparer.Ordinal);

    public VisibilitySettings(ILiteDatabase database)
    {
        _servers = database.GetCollection("server_settings");
        foreach (var doc in _servers.FindAll())
            if (doc["visibility"].IsString && Enum.TryParse<Visibility>(doc["visibility"].AsString, out var visibility))
                _defaults[doc["_id"].AsString] = visibility;
    }

    public Visibility DefaultFor(string? scope) =>
        scope is not null && _defaults.TryGetValue(scope, out var visibility) ? visibility : Visibility.Public;

    public void SetDefault(string scope, Visibility visibility, string by, DateTimeOffset at)
    {
        _servers.Upsert(
            new BsonDocument
            {
                ["_id"] = scope,
                ["visibility"] = visibility.ToString(),
                ["changedBy"] = by,
                ["changedAt"] = at.UtcDateTime,
            }
        );
        _defaults[scope] = visibility;
    }
}
