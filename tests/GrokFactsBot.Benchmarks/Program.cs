using BenchmarkDotNet.Running;
using GrokFactsBot.Benchmarks.LoadTest;

namespace GrokFactsBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary>
    /// <c>dotnet run -c Release --project tests/GrokFactsBot.Benchmarks -- --filter '*' --job short</c> for the
    /// BenchmarkDotNet suite; <c>-- load ...</c> for the loopback load generator (see LoadTest/README.md);
    /// <c>-- latency</c> for per-call answer latencies (median, p99) and write-to-visible times; <c>-- drain</c> for
    /// deferred answers edited in after SIGTERM against a slow platform.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["load", .. var rest])
            return await LoadCommand.RunAsync(rest);
        if (args is ["drain", .. var drainArgs])
            return await DrainBench.RunAsync(drainArgs);
        if (args is ["watch", .. var watchArgs])
            return await Watch.WatchBench.RunAsync(watchArgs);
        if (args is ["memory", .. var memoryOptions])
            return SnapshotMemory.Run(memoryOptions);
        if (args is ["allocations", .. var allocationOptions])
            return AnswerAllocations.Run(allocationOptions);
        if (args is ["latency", .. var options])
            return AnswerLatency.Run(options);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
