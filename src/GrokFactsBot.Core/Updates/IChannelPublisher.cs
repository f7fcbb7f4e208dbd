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

    /// <summary>
    /// The same, telling the caller when the post is about to leave: <paramref name="sending"/> is awaited after any
    /// wait for the platform's limits and before the request goes out, so the outbox flags as possibly sent only what
    /// really may be.
    /// </summary>
    async Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        Func<Task> sending,
        CancellationToken cancellationToken
    )
    {
        await sending();
        return await PublishAsync(channel, update, deliveryKey, cancellationToken);
    }

    /// <summary>
    /// Before a send that was in flight when the bot stopped is repeated: whether the channel is known to be gone or
    /// closed to the bot by a cheaper question than posting again (a dead channel then costs one post, not two).
    /// Null: nothing known, post.
    /// </summary>
    Task<PublishResult?> CheckInterruptedAsync(ChannelAddress channel, CancellationToken cancellationToken) =>
        Task.FromResult<PublishResult?>(null);
}
