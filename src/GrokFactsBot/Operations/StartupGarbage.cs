using System.Runtime;

namespace GrokFactsBot.Operations;

/// <summary>
/// Start-up reads the whole base and every dataset file, and leaves tens of megabytes of garbage the GC has no reason
/// to collect while the bot idles. One compacting collection once the host has started hands it back, so memory at
/// rest is what the bot holds, not what it once read.
/// </summary>
public sealed class StartupGarbage(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Collect);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
