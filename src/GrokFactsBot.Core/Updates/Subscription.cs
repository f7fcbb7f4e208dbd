using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Updates;

public enum PauseReason
{
    Forbidden,
    ChannelGone,
}

/// <summary>Why deliveries to a channel stopped, so a person can fix it and <c>resume</c>.</summary>
public sealed record Pause(PauseReason Reason, string? Detail, DateTimeOffset At)
{
    public string Describe =>
        Reason switch
        {
            PauseReason.Forbidden => "the bot may not post in this channel",
            _ => "the channel is gone or the bot cannot see it",
        } + (Detail is null ? "" : $" ({Detail})");
}

public sealed record LastDelivery(string Title, DateTimeOffset At);

/// <summary>
/// A channel's standing order for updates. It hears only of updates raised after it was made (<see cref="AfterSeq"/>),
/// plus any backfill it asked for.
/// </summary>
public sealed record Subscription(
    string Id,
    ChannelAddress Channel,
    SubscriptionFilter Filter,
    long AfterSeq,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    Pause? Paused = null,
    LastDelivery? Last = null
)
{
    public bool IsActive => Paused is null;

    public bool Wants(ReleaseUpdate update) =>
        update.Seq > AfterSeq && update.IsVisibleIn(Channel.Scope) && Filter.Matches(update);
}

/// <summary>
/// Filters on structured attributes, each a set of allowed values (empty = any); all filters must pass.
/// Models hold model ids or family keys; developers hold name keys.
/// </summary>
public sealed record SubscriptionFilter(
    IReadOnlyList<string> Developers,
    IReadOnlyList<string> Models,
    UpdateKinds Kinds,
    Confidence? AtLeast
)
{
    public static readonly SubscriptionFilter Everything = new([], [], UpdateKinds.None, null);

    public bool Matches(ReleaseUpdate update) =>
        (Developers.Count == 0 || Developers.Contains(update.DeveloperKey))
        && (Models.Count == 0 || Models.Contains(update.ModelId) || Models.Contains(update.Family))
        && (Kinds == UpdateKinds.None || (Kinds & update.Kinds) != 0)
        && (AtLeast is not { } least || update.Confidence <= least);

    public string Describe =>
        string.Join(
            " · ",
            $"developer: {(Developers.Count == 0 ? "any" : string.Join(",", Developers))}",
            $"model: {(Models.Count == 0 ? "any" : string.Join(",", Models))}",
            $"kind: {UpdateKindNames.Describe(Kinds)}",
            $"confidence: {AtLeast switch { Confidence.Confirmed => "confirmed only", Confidence.Likely => "confirmed or likely (no rumours)", _ => "any, rumours included" }}"
        );
}
