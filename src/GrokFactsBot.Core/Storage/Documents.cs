using System.Globalization;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;
using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Explicit mapping between the domain records and LiteDB documents: the stored shape is written down here,
/// not left to reflection, so a renamed property can never silently orphan data.
/// </summary>
internal static class Documents
{
    public static BsonDocument From(Model model) =>
        new()
        {
            ["_id"] = model.Id,
            ["name"] = model.Name,
            ["developer"] = model.Developer,
            ["family"] = model.Family,
            ["status"] = model.Status.ToString(),
            ["statusAsOf"] = Day(model.StatusAsOf),
            ["aliases"] = new BsonArray(model.Aliases.Select(a => new BsonValue(a))),
            ["nameKeys"] = new BsonArray(NameKeys(model).Select(k => new BsonValue(k))),
            ["summary"] = model.Summary,
            ["origin"] = From(model.Origin),
            ["scope"] = model.Scope,
        };

    public static Model ToModel(BsonDocument doc) => ToModel(doc, SharedCopies.None);

    public static Model ToModel(BsonDocument doc, SharedCopies shared) =>
        new(
            shared.Share(doc["_id"].AsString),
            doc["name"].AsString,
            shared.Share(doc["developer"].AsString),
            shared.Share(doc["family"].AsString),
            Enum.Parse<ModelStatus>(doc["status"].AsString),
            ToDay(doc["statusAsOf"]),
            doc["aliases"].AsArray.Select(a => a.AsString).ToArray(),
            NullableString(doc["summary"]),
            ToOrigin(doc["origin"], shared),
            shared.ShareOrNull(NullableString(doc["scope"]))
        );

    public static IEnumerable<string> NameKeys(Model model) => Names.KeysOf(model);

    public static BsonDocument From(Source source) =>
        new()
        {
            ["_id"] = source.Id,
            ["url"] = source.Url,
            ["title"] = source.Title,
            ["publisher"] = source.Publisher,
            ["published"] = source.Published?.Text,
            ["retrieved"] = Day(source.Retrieved),
            ["kind"] = source.Kind.ToString(),
            ["origin"] = From(source.Origin),
            ["basis"] = source.Basis?.Key(),
            ["attribution"] = source.Attribution,
            ["scope"] = source.Scope,
        };

    public static Source ToSource(BsonDocument doc) => ToSource(doc, SharedCopies.None);

    public static Source ToSource(BsonDocument doc, SharedCopies shared) =>
        new(
            shared.Share(doc["_id"].AsString),
            shared.Share(doc["url"].AsString),
            doc["title"].AsString,
            shared.Share(doc["publisher"].AsString),
            NullableString(doc["published"]) is { } published ? shared.Date(published) : null,
            ToDay(doc["retrieved"]),
            Enum.Parse<SourceKind>(doc["kind"].AsString),
            ToOrigin(doc["origin"], shared),
            ToBasis(doc["basis"]),
            shared.ShareOrNull(NullableString(doc["attribution"])),
            shared.ShareOrNull(NullableString(doc["scope"]))
        );

    public static BsonDocument From(Claim claim) =>
        new()
        {
            ["_id"] = claim.Id,
            ["modelId"] = claim.ModelId,
            ["attribute"] = claim.Attribute.Key(),
            ["value"] = claim.Value.Text,
            ["qualifier"] = claim.Qualifier.ToString(),
            ["sourceId"] = claim.SourceId,
            ["quote"] = claim.Quote,
            ["rank"] = claim.Rank.ToString(),
            ["rankReason"] = claim.RankReason,
            ["note"] = claim.Note,
            ["addedBy"] = claim.AddedBy,
            ["addedAt"] = claim.AddedAt.UtcDateTime,
            ["origin"] = From(claim.Origin),
            ["scope"] = claim.Scope,
            ["basis"] = claim.Basis?.Key(),
        };

    public static Claim ToClaim(BsonDocument doc) => ToClaim(doc, SharedCopies.None);

    public static Claim ToClaim(BsonDocument doc, SharedCopies shared)
    {
        if (!ModelAttributes.TryParse(doc["attribute"].AsString, out var attribute))
            throw new InvalidOperationException($"Claim {doc["_id"]} has an unknown attribute '{doc["attribute"]}'");
        return new Claim(
            doc["_id"].AsString,
            shared.Share(doc["modelId"].AsString),
            attribute,
            shared.Value(attribute, doc["value"].AsString),
            Qualifier(doc["qualifier"].AsString),
            shared.Share(doc["sourceId"].AsString),
            shared.ShareOrNull(NullableString(doc["quote"])),
            Enum.Parse<Rank>(doc["rank"].AsString),
            shared.ShareOrNull(NullableString(doc["rankReason"])),
            shared.ShareOrNull(NullableString(doc["note"])),
            shared.Share(doc["addedBy"].AsString),
            new DateTimeOffset(DateTime.SpecifyKind(doc["addedAt"].AsDateTime, DateTimeKind.Utc)),
            ToOrigin(doc["origin"], shared),
            shared.ShareOrNull(NullableString(doc["scope"])),
            Basis: ToBasis(doc["basis"]) ?? LegacyBasis(doc["qualifier"].AsString)
        );
    }

    // Before claims had a basis, "Rumoured" and "Planned" were qualifiers.
    private static Qualifier Qualifier(string stored) =>
        Enum.TryParse<Qualifier>(stored, out var qualifier) ? qualifier : Domain.Qualifier.Exact;

    private static Basis? LegacyBasis(string storedQualifier) =>
        storedQualifier switch
        {
            "Rumoured" => Domain.Basis.Rumour,
            "Planned" => Domain.Basis.Promise,
            _ => null,
        };

    private static Basis? ToBasis(BsonValue value) =>
        value.IsString && Evidence.TryParse(value.AsString, out var basis) ? basis : null;

    public static BsonDocument From(ClaimRanking ranking) =>
        new()
        {
            ["_id"] = ranking.ClaimId,
            ["modelId"] = ranking.ModelId,
            ["rank"] = ranking.Rank.ToString(),
            ["rankReason"] = ranking.RankReason,
            ["disputeReason"] = ranking.DisputeReason,
        };

    public static ClaimRanking ToRanking(BsonDocument doc) =>
        new(
            doc["_id"].AsString,
            doc["modelId"].AsString,
            Enum.Parse<Rank>(doc["rank"].AsString),
            NullableString(doc["rankReason"]),
            NullableString(doc["disputeReason"])
        );

    private static BsonDocument From(Origin origin) => new() { ["kind"] = origin.Kind, ["name"] = origin.Name };

    private static Origin ToOrigin(BsonValue value, SharedCopies shared) =>
        shared.Origin(value["kind"].AsString, value["name"].AsString);

    private static BsonValue Day(DateOnly? day) =>
        day is { } d ? new BsonValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : BsonValue.Null;

    private static DateOnly? ToDay(BsonValue value) =>
        value.IsString ? DateOnly.ParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
