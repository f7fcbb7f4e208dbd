using System.Security.Cryptography;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// <c>subscribe</c>, <c>unsubscribe</c>, <c>subscriptions</c> and <c>resume</c>, always for the channel they are run
/// in.
/// </summary>
public sealed class SubscriptionCommands(
    SubscriptionStore subscriptions,
    SubscriptionFilterParser filters,
    UpdateOutbox outbox,
    IEnumerable<IChannelPublisher> publishers,
    TimeProvider clock
) : ICommandHandler
{
    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new(
            "subscribe",
            "Post release updates in this channel; filters narrow them, none means every update",
            [
                new("developer", "Only these developers, e.g. xai (comma-separated)", Required: false),
                new(
                    "model",
                    "Only these models or families, e.g. grok",
                    OptionKind.Model,
                    Required: false,
                    Autocomplete: true
                ),
                new("kind", $"Only these kinds: {UpdateKindNames.Known}", Required: false),
                new("confidence", "confirmed, likely (no rumours) or any (default, include-rumours)", Required: false),
                new(
                    "backfill",
                    $"Also send the last N matching updates now (0–{SubscriptionFilterParser.MaxBackfill}; default 0)",
                    OptionKind.Integer,
                    Required: false
                ),
            ],
            Permission.ManageChannels
        ),
        new(
            "unsubscribe",
            "Stop one subscription of this channel, or all",
            [new("id", "A subscription id from `subscriptions`, or all", Required: false)],
            Permission.ManageChannels
        ),
        new("subscriptions", "This channel's subscriptions: filters, state and last delivery", []),
        new(
            "resume",
            "Resume this channel's paused subscriptions once the bot may post here again",
            [],
            Permission.ManageChannels
        ),
    ];

    public Answer Handle(CommandRequest request)
    {
        if (request.Caller.ChannelId is not { } channelId)
            return Answer.Message(
                AnswerKind.Usage,
                "Which channel?",
                "Run this in the channel that should receive the updates."
            );
        var channel = new ChannelAddress(request.Caller.Platform, channelId, request.Caller.Scope);
        if (request.Command != "subscriptions" && !request.Caller.Has(Permission.ManageChannels))
            return Answer.Message(
                AnswerKind.Refused,
                "Not allowed",
                "Managing this channel's subscriptions needs the Manage Channels permission."
            );
        return request.Command switch
        {
            "subscribe" => Subscribe(request, channel),
            "unsubscribe" => Unsubscribe(request.Arg("id"), channel),
            "subscriptions" => List(channel),
            "resume" => Resume(channel),
            _ => throw new InvalidOperationException($"SubscriptionCommands was routed '{request.Command}'"),
        };
    }

    private Answer Subscribe(CommandRequest request, ChannelAddress channel)
    {
        if (publishers.All(p => p.Platform != channel.Platform))
            return Answer.Message(
                AnswerKind.Refused,
                "Not available here",
                $"This bot has no way to post updates into {channel.Platform} channels."
            );
        var (filter, backfill, problem) = filters.Parse(request);
        if (filter is null)
            return Answer.Message(AnswerKind.Usage, "Not subscribed", problem!);
        if (subscriptions.ForChannel(channel).FirstOrDefault(s => s.Filter.Describe == filter.Describe) is { } same)
            return Answer.Message(
                AnswerKind.Usage,
                "Already subscribed",
                $"This channel already has that subscription: {same.Id}."
            );
        var subscription = new Subscription(
            NewId(),
            channel,
            filter,
            outbox.LastSeq,
            request.Caller.UserId,
            clock.GetUtcNow()
        );
        subscriptions.Save(subscription);
        var queued = backfill > 0 ? outbox.Backfill(subscription, backfill) : 0;
        outbox.Notify();
        return new Answer(
            AnswerKind.Done,
            $"Subscribed · {subscription.Id}",
            $"This channel will get: {filter.Describe}.",
            [],
            [],
            [
                backfill > 0
                    ? $"Backfill: {queued} earlier update(s) queued now."
                    : "No backfill: only updates from now on (add backfill:N for the last N).",
                $"Stop with `unsubscribe {subscription.Id}`; see them all with `subscriptions`.",
            ]
        );
    }

    private Answer Unsubscribe(string? id, ChannelAddress channel)
    {
        var mine = subscriptions.ForChannel(channel);
        var chosen = id?.ToLowerInvariant() switch
        {
            "all" => mine,
            null when mine.Count == 1 => mine,
            null => [],
            var wanted => mine.Where(s => s.Id == wanted).ToList(),
        };
        if (chosen.Count == 0)
            return Answer.Message(
                AnswerKind.Usage,
                "Which subscription?",
                mine.Count == 0
                    ? "This channel has no subscriptions."
                    : $"Name one of this channel's subscriptions, or all: {string.Join(", ", mine.Select(s => s.Id))}."
            );
        foreach (var subscription in chosen)
        {
            subscriptions.Remove(subscription.Id);
            outbox.CancelPending(subscription.Id);
        }
        return Answer.Message(
            AnswerKind.Done,
            "Unsubscribed",
            $"Removed {string.Join(", ", chosen.Select(s => s.Id))}."
        );
    }

    private Answer List(ChannelAddress channel)
    {
        var mine = subscriptions.ForChannel(channel);
        var lines = mine.Select(s => new FactLine(
                s.Id,
                s.Filter.Describe,
                Confidence.Confirmed,
                [],
                Note: $"{(s.Paused is { } p ? $"paused since {p.At:yyyy-MM-dd HH:mm} UTC: {p.Describe}; fix it, then `resume`" : "active")} · "
                    + (
                        s.Last is { } last
                            ? $"last delivery {last.At:yyyy-MM-dd HH:mm} UTC: {last.Title}"
                            : "nothing delivered yet"
                    )
                    + (outbox.PendingFor(s.Id) is > 0 and var pending ? $" · {pending} waiting" : "")
            ))
            .ToList();
        return new Answer(
            AnswerKind.List,
            "Subscriptions in this channel",
            lines.Count == 0
                ? "None. `subscribe` (optionally with developer:, model:, kind:, confidence:) starts one."
                : $"{lines.Count} subscription(s).",
            lines,
            [],
            []
        );
    }

    private Answer Resume(ChannelAddress channel)
    {
        var paused = subscriptions.ForChannel(channel).Where(s => !s.IsActive).ToList();
        if (paused.Count == 0)
            return Answer.Message(AnswerKind.Usage, "Nothing paused", "No subscription in this channel is paused.");
        foreach (var subscription in paused)
            subscriptions.Save(subscription with { Paused = null });
        outbox.Notify();
        return Answer.Message(
            AnswerKind.Done,
            "Resumed",
            $"Resumed {string.Join(", ", paused.Select(s => s.Id))}; waiting updates follow now."
        );
    }

    private string NewId()
    {
        while (true)
            if (
                "s" + Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant() is var id
                && !subscriptions.Exists(id)
            )
                return id;
    }
}
