using LiteDB;

namespace GrokFactsBot.Core.Commands;

/// <summary>Each server's default for answers to questions, as its admins set it (public unless they chose).</summary>
public sealed class VisibilitySettings
{
    private readonly ILiteCollection<BsonDocument> _servers;

    public VisibilitySettings(ILiteDatabase database) => _servers = database.GetCollection("server_settings");

    public Visibility DefaultFor(string? scope) =>
        scope is not null
        && _servers.FindById(scope) is { } doc
        && doc["visibility"].IsString
        && Enum.TryParse<Visibility>(doc["visibility"].AsString, out var visibility)
            ? visibility
            : Visibility.Public;

    public void SetDefault(string scope, Visibility visibility, string by, DateTimeOffset at) =>
        _servers.Upsert(
            new BsonDocument
            {
                ["_id"] = scope,
                ["visibility"] = visibility.ToString(),
                ["changedBy"] = by,
                ["changedAt"] = at.UtcDateTime,
            }
        );
}
