using BenchmarkDotNet.Running;
using GrokFactsBot.Benchmarks.LoadTest;

namespace GrokFactsBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary>
    /// <c>dotnet run -c Release --project tests/GrokFactsBot.Benchmarks -- --filter '*' --job short</c> for the
    /// BenchmarkDotNet suite; <c>-- load ...</c> for the loopback load generator (see LoadTest/README.md).
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["load", .. var rest])
            return await LoadCommand.RunAsync(rest);
        if (args is ["watch", .. var watchArgs])
            return await Watch.WatchBench.RunAsync(watchArgs);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
