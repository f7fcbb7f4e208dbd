using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Slack.Rendering;

namespace GrokFactsBot.Slack.WebApi;

/// <summary>Posts updates into Slack channels with chat.postMessage, one per second per channel.</summary>
public sealed class SlackChannelPublisher(SlackApiClient api, ChannelPacer pacer) : IChannelPublisher
{
    public Platform Platform => Platform.Slack;

    public async Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        CancellationToken cancellationToken
    )
    {
        await pacer.WaitTurnAsync(channel.ChannelId, cancellationToken);
        var message = BlockKitRenderer.Render(update, inChannel: true, new RenderOptions(AnswerView.Full));
        var result = await api.PostAsync("chat.postMessage", message.ToPost(channel.ChannelId), cancellationToken);
        return result.Error is { } error ? Map(error) : PublishResult.Delivered;
    }

    public static PublishResult Map(SlackApiError error) =>
        error.Kind switch
        {
            SlackErrorKind.NotInChannel or SlackErrorKind.IsArchived => new(PublishOutcome.Forbidden, error.Code),
            SlackErrorKind.InvalidAuth or SlackErrorKind.MissingScope => new(PublishOutcome.Forbidden, error.Code),
            SlackErrorKind.ChannelNotFound => new(PublishOutcome.ChannelGone, error.Code),
            _ => new(PublishOutcome.RetryLater, error.Code, error.RetryAfter),
        };
}
