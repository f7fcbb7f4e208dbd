using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// Work that outlives the request that started it: a Discord answer edited into its defer, a Gateway interaction, a
/// Slack answer posted to its response_url. Every adapter runs it here, so shutdown (SIGTERM) waits for all of it
/// within the host's shutdown timeout instead of dropping it; what is still running when the timeout ends is
/// cancelled and counted in one warning. A failure is logged, never thrown at the caller.
/// </summary>
public sealed class LateWork(ILogger<LateWork> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, string> _pending = new();
    private readonly CancellationTokenSource _abandoned = new();

    public int Pending => _pending.Count;

    /// <param name="what">What is lost if it fails, for the log: "the deferred answer to /params".</param>
    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var running = Task.Run(() => RunAsync(what, work));
        _pending.TryAdd(running, what);
        running.ContinueWith(done => _pending.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task RunAsync(string what, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_abandoned.Token);
        }
        catch (OperationCanceledException) when (_abandoned.IsCancellationRequested)
        {
            // counted by StopAsync
        }
        catch (Exception e)
        {
            logger.LogError(e, "Lost {What}", what);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty)
            return;
        logger.LogInformation("Finishing {Count} answers in flight before stopping", _pending.Count);
        try
        {
            // Work started while draining is waited for too.
            while (_pending.Keys.Where(t => !t.IsCompleted).ToList() is { Count: > 0 } running)
                await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning(
                "Shutdown timed out with {Count} answers in flight: {What}",
                _pending.Count,
                Named(_pending.Values)
            );
            await _abandoned.CancelAsync();
        }
    }

    /// <summary>The first few of what is lost by name and the rest counted: 500 ids make no log line readable.</summary>
    public static string Named(IEnumerable<string> what, int named = 5)
    {
        var distinct = what.Distinct().Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", distinct.Take(named));
        return distinct.Count > named ? $"{shown} and {distinct.Count - named} more" : shown;
    }

    public void Dispose() => _abandoned.Dispose();
}
