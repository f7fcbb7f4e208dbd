using System.Text.Json.Serialization;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using LiteDB;
using Json = System.Text.Json.JsonSerializer;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// The stored shape of updates and subscriptions, written down explicitly like the knowledge documents.
/// </summary>
internal static class OutboxDocuments
{
    public static BsonDocument From(ReleaseUpdate update) =>
        new()
        {
            ["kinds"] = (int)update.Kinds,
            ["modelId"] = update.ModelId,
            ["family"] = update.Family,
            ["developerKey"] = update.DeveloperKey,
            ["confidence"] = update.Confidence.ToString(),
            ["scope"] = update.Scope,
            ["excludeScope"] = update.ExcludeScope,
            // The answer is frozen as it read when raised, so a retry days later still says what happened then.
            ["answer"] = Json.Serialize(update.Answer, FrozenAnswerJson.Default.Answer),
            ["raisedAt"] = update.RaisedAt.UtcDateTime,
            ["fannedOut"] = false,
        };

    public static ReleaseUpdate ToUpdate(BsonDocument doc) =>
        new(
            doc["_id"].AsInt64,
            (UpdateKinds)doc["kinds"].AsInt32,
            doc["modelId"].AsString,
            doc["family"].AsString,
            doc["developerKey"].AsString,
            Enum.Parse<Confidence>(doc["confidence"].AsString),
            Text(doc["scope"]),
            Text(doc["excludeScope"]),
            Json.Deserialize(doc["answer"].AsString, FrozenAnswerJson.Default.Answer)!,
            Utc(doc["raisedAt"])
        );

    public static BsonDocument From(Subscription s) =>
        new()
        {
            ["_id"] = s.Id,
            ["channelKey"] = s.Channel.Key,
            ["platform"] = s.Channel.Platform.ToString(),
            ["channelId"] = s.Channel.ChannelId,
            ["scope"] = s.Channel.Scope,
            ["developers"] = new BsonArray(s.Filter.Developers.Select(d => new BsonValue(d))),
            ["models"] = new BsonArray(s.Filter.Models.Select(m => new BsonValue(m))),
            ["kinds"] = (int)s.Filter.Kinds,
            ["atLeast"] = s.Filter.AtLeast?.ToString(),
            ["afterSeq"] = s.AfterSeq,
            ["createdBy"] = s.CreatedBy,
            ["createdAt"] = s.CreatedAt.UtcDateTime,
            ["pause"] = s.Paused is { } p
                ? new BsonDocument
                {
                    ["reason"] = p.Reason.ToString(),
                    ["detail"] = p.Detail,
                    ["at"] = p.At.UtcDateTime,
                }
                : BsonValue.Null,
            ["last"] = s.Last is { } l
                ? new BsonDocument { ["title"] = l.Title, ["at"] = l.At.UtcDateTime }
                : BsonValue.Null,
        };

    public static Subscription ToSubscription(BsonDocument doc) =>
        new(
            doc["_id"].AsString,
            new ChannelAddress(
                Enum.Parse<Platform>(doc["platform"].AsString),
                doc["channelId"].AsString,
                Text(doc["scope"])
            ),
            new SubscriptionFilter(
                doc["developers"].AsArray.Select(v => v.AsString).ToList(),
                doc["models"].AsArray.Select(v => v.AsString).ToList(),
                (UpdateKinds)doc["kinds"].AsInt32,
                Text(doc["atLeast"]) is { } least ? Enum.Parse<Confidence>(least) : null
            ),
            doc["afterSeq"].AsInt64,
            doc["createdBy"].AsString,
            Utc(doc["createdAt"]),
            doc["pause"].IsDocument
                ? new Pause(
                    Enum.Parse<PauseReason>(doc["pause"]["reason"].AsString),
                    Text(doc["pause"]["detail"]),
                    Utc(doc["pause"]["at"])
                )
                : null,
            doc["last"].IsDocument ? new LastDelivery(doc["last"]["title"].AsString, Utc(doc["last"]["at"])) : null
        );

    public static DateTimeOffset Utc(BsonValue value) => new(DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc));

    private static string? Text(BsonValue value) => value.IsNull ? null : value.AsString;
}

/// <summary>An update's answer as stored: the serializer's defaults, its code generated at compile time.</summary>
[JsonSerializable(typeof(Answer))]
internal sealed partial class FrozenAnswerJson : JsonSerializerContext;
