using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// A channel on some platform: "discord" + channel id, or "slack" + channel id, with its server/workspace scope.
/// </summary>
public sealed record ChannelAddress(Platform Platform, string ChannelId, string? Scope)
{
    /// <summary>How the outbox names the channel: one channel, one key, whatever its scope.</summary>
    public string Key => $"{Platform}|{ChannelId}";
}

public enum PublishOutcome
{
    Delivered,
    RetryLater,
    ChannelGone,
    Forbidden,
}

/// <summary>
/// How one post went. ChannelGone/Forbidden pause a subscription instead of retrying (Discord counts 403/404 toward a
/// ban).
/// </summary>
public sealed record PublishResult(PublishOutcome Outcome, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static readonly PublishResult Delivered = new(PublishOutcome.Delivered);
}

/// <summary>
/// Posts an answer-shaped update into a channel. Each platform adapter implements it over its own REST client,
/// rendering within its limits and honouring its rate limits. <paramref name="deliveryKey"/> is unique per
/// (update, channel) and stable across restarts: Discord sends it as the message nonce with enforce_nonce.
/// </summary>
public interface IChannelPublisher
{
    Platform Platform { get; }

    Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        CancellationToken cancellationToken
    );
}
