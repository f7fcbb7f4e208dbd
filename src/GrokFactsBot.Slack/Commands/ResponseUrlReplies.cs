using System.Collections.Concurrent;
using GrokFactsBot.Slack.Rendering;
using GrokFactsBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// Answers that missed the 3-second ack go to the command's response_url when ready (Slack allows 5 posts in
/// 30 minutes; we use one); a chart is shared in the channel instead, and if that fails the asker is told why on
/// response_url. Pending deliveries are tracked so shutdown waits for them instead of dropping them.
/// </summary>
public sealed class ResponseUrlReplies(SlackApiClient api, SlackFileUpload files, ILogger<ResponseUrlReplies> logger)
    : IHostedService,
        IDisposable
{
    public const string WorkingOnIt = "Looking that up…";
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Deliver(Task<SlackMessage> answer, Uri responseUrl)
    {
        var delivery = DeliverAsync(answer, responseUrl);
        _pending.TryAdd(delivery, 0);
        delivery.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DeliverAsync(Task<SlackMessage> answer, Uri responseUrl)
    {
        try
        {
            var message = await answer;
            if (message.Chart is { } chart)
            {
                var posted = await files.PostAsync(message, chart, _stopping.Token);
                if (posted.Ok)
                    return;
                logger.LogWarning("Could not share a chart in {Channel}: {Error}", chart.ChannelId, posted.Error!.Code);
                message = message.WithNote(SlackFileUpload.Explain(posted.Error)) with { InChannel = false, Chart = null };
            }
            var result = await api.PostToResponseUrlAsync(responseUrl, message.ToResponse(), _stopping.Token);
            if (!result.Ok)
                logger.LogWarning("Could not deliver a late answer to response_url: {Error}", result.Error!.Code);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A late Slack answer was lost");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("{Count} late Slack answers were still pending at shutdown", _pending.Count);
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();
}
