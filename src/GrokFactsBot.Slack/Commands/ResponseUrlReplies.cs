using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Slack.Rendering;
using GrokFactsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// Answers that missed the 3-second ack go to the command's response_url when ready (Slack allows 5 posts in
/// 30 minutes; we use one); a chart is shared in the channel instead, and if that fails the asker is told why on
/// response_url. They run as <see cref="LateWork"/>, so shutdown waits for them instead of dropping them.
/// </summary>
public sealed class ResponseUrlReplies(
    SlackApiClient api,
    SlackFileUpload files,
    LateWork late,
    ILogger<ResponseUrlReplies> logger
)
{
    public const string WorkingOnIt = "Looking that up…";

    public void Deliver(Task<SlackMessage> answer, Uri responseUrl) =>
        late.Run("a late Slack answer", ct => DeliverAsync(answer, responseUrl, ct));

    private async Task DeliverAsync(Task<SlackMessage> answer, Uri responseUrl, CancellationToken cancellationToken)
    {
        var message = await answer.WaitAsync(cancellationToken);
        if (message.Chart is { } chart)
        {
            var posted = await files.PostAsync(message, chart, cancellationToken);
            if (posted.Ok)
                return;
            logger.LogWarning("Could not share a chart in {Channel}: {Error}", chart.ChannelId, posted.Error!.Code);
            message = message.WithNote(SlackFileUpload.Explain(posted.Error)) with { InChannel = false, Chart = null };
        }
        var result = await api.PostToResponseUrlAsync(responseUrl, message.ToResponse(), cancellationToken);
        if (!result.Ok)
            logger.LogWarning("Could not deliver a late answer to response_url: {Error}", result.Error!.Code);
    }
}
