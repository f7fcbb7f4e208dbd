using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Discord.Rendering;
using GrokFactsBot.Discord.Rest;

namespace GrokFactsBot.Discord.Publishing;

/// <summary>
/// Posts an update into a Discord channel. The delivery key is the message nonce with enforce_nonce, so a retry
/// after a lost response returns the message already posted instead of posting twice.
/// </summary>
public sealed class DiscordChannelPublisher(DiscordRestClient rest) : IChannelPublisher
{
    public const int MaxNonceLength = 25;

    public Platform Platform => Platform.Discord;

    public Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        CancellationToken cancellationToken
    ) => PublishAsync(channel, update, deliveryKey, () => Task.CompletedTask, cancellationToken);

    public async Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        Func<Task> sending,
        CancellationToken cancellationToken
    )
    {
        if (deliveryKey.Length is 0 or > MaxNonceLength)
            throw new ArgumentException(
                $"A Discord nonce is 1–{MaxNonceLength} characters; got {deliveryKey.Length}.",
                nameof(deliveryKey)
            );
        var message = EmbedRenderer.Message(update, new RenderOptions(AnswerView.Full)) with
        {
            Nonce = deliveryKey,
            EnforceNonce = true,
        };
        var result = await rest.SendAsync(
            HttpMethod.Post,
            $"channels/{channel.ChannelId}/messages",
            message,
            cancellationToken,
            sending
        );
        return Outcome(result);
    }

    /// <summary>
    /// GET /channels/{id}: 404 and 403 say the channel is gone or hidden without another post (a 404 does not even
    /// count toward Discord's invalid-request limit). A channel the bot sees but may not post in looks open here and is
    /// posted to again.
    /// </summary>
    public async Task<PublishResult?> CheckInterruptedAsync(ChannelAddress channel, CancellationToken cancellationToken)
    {
        var result = await rest.GetAsync($"channels/{channel.ChannelId}", cancellationToken);
        return result.Outcome is RestOutcome.NotFound or RestOutcome.Forbidden ? Outcome(result) : null;
    }

    private static PublishResult Outcome(RestResult result) =>
        result.Outcome switch
        {
            RestOutcome.Success => PublishResult.Delivered,
            RestOutcome.Forbidden => new(
                PublishOutcome.Forbidden,
                "The bot may not post there (needs View Channel, Send Messages and Embed Links)."
            ),
            RestOutcome.NotFound => new(
                PublishOutcome.ChannelGone,
                "The channel no longer exists or the bot can no longer see it."
            ),
            RestOutcome.RateLimited => new(PublishOutcome.RetryLater, "Rate limited", result.RetryAfter),
            RestOutcome.BadRequest when result.Code == RestResult.UnknownChannel => new(
                PublishOutcome.ChannelGone,
                result.Message
            ),
            RestOutcome.BadRequest or RestOutcome.Unauthorized => new(PublishOutcome.Forbidden, result.ToString()),
            _ => new(PublishOutcome.RetryLater, result.ToString()),
        };
}
