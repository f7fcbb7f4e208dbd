using System.Diagnostics;
using System.Threading.Channels;
using GrokFactsBot.Core.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Core.Watch;

/// <summary>
/// Polls one watcher at start and then every interval (later, if the host asked us to wait), logging one line per
/// poll and counting it in /metrics. Nothing a watcher does can stop the host or touch answering: a bug in a poll is
/// logged and the next poll comes as usual.
/// </summary>
public sealed class WatchService(
    IReleaseWatcher watcher,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<WatchService> logger
) : BackgroundService
{
    private readonly Channel<PollReport> _reports = Channel.CreateBounded<PollReport>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest }
    );

    public IReleaseWatcher Watcher => watcher;

    /// <summary>
    /// The latest polls of the running service, each written once the wait for the next poll has started (for tests
    /// and diagnostics; the oldest are dropped).
    /// </summary>
    public ChannelReader<PollReport> Reports => _reports.Reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        logger.LogInformation("{Watcher} watcher started: polling every {Interval}", watcher.Name, watcher.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await PollAsync(stoppingToken);
            if (report is null)
                return;
            var wait = watcher.Interval;
            if (report.NotBefore is { } notBefore && notBefore - clock.GetUtcNow() is var held && held > wait)
                wait = held;
            // The report goes out once the wait has started, so whoever reads it can move a test clock past it.
            var next = Task.Delay(wait, clock, stoppingToken);
            _reports.Writer.TryWrite(report);
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One poll, recorded; null when the host is stopping.</summary>
    public async Task<PollReport?> PollAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        PollReport report;
        try
        {
            report = await watcher.PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Watcher} poll failed on our side; the next poll follows as usual", watcher.Name);
            var tally = new PollTally(watcher.Name);
            tally.Problem($"{e.GetType().Name} (a bug, logged)");
            report = tally.Report(Stopwatch.GetElapsedTime(started), null);
        }
        var tag = new KeyValuePair<string, object?>("watcher", watcher.Key);
        metrics.WatchPolls.Add(1, tag, new("outcome", report.Outcome));
        metrics.WatchRequests.Add(report.Requests, tag);
        metrics.WatchBytes.Add(report.Bytes, tag);
        metrics.WatchNewReleases.Add(report.Found.Count, tag);
        metrics.WatchErrors.Add(report.Problems.Count, tag);
        if (report.Problems.Count == 0)
            logger.LogInformation("{Line}", report.Line);
        else
            logger.LogWarning("{Line}", report.Line);
        return report;
    }
}
