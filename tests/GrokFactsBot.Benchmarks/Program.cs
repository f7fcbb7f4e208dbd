using BenchmarkDotNet.Running;

namespace GrokFactsBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary><c>dotnet run -c Release --project tests/GrokFactsBot.Benchmarks -- --filter '*' --job short</c></summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
