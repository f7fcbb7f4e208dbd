using System.Globalization;

namespace GrokFactsBot.Benchmarks.LoadTest;

/// <summary>
/// <c>load env --stub-port P</c> prints the settings a bot needs to accept the generator's requests;
/// <c>load SCENARIO --url http://127.0.0.1:PORT [--requests N] [--concurrency C] [--seconds S] [--warmup W] [--pid PID]
/// [--stub-port P]</c>
/// drives it and prints one line of figures. Loopback only.
/// </summary>
public static class LoadCommand
{
    private const string Usage =
        "usage: load env --stub-port P | load <discord|discord-ping|discord-badsig|slack|slack-badsig|mixed> --url http://127.0.0.1:PORT "
        + "[--requests 20000] [--concurrency 16] [--seconds 30] [--warmup 500] [--pid BOT_PID] [--rate R (steady req/s instead of closed-loop)] [--stub-port P (Slack: a Web API that never answers, and response_url)]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
            return Fail(Usage);
        var options = ReadOptions(args.Skip(1).ToArray());
        if (options is null)
            return Fail(Usage);
        int Number(string name, int fallback) =>
            options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var stubPort = Number("stub-port", 0);

        if (args[0] == "env")
        {
            if (stubPort == 0)
                return Fail(
                    "load env needs --stub-port: the loopback port the generator will serve Slack's side on."
                );
            foreach (var line in LoadCredentials.BotEnvironment(stubPort))
                Console.WriteLine(line);
            return 0;
        }
        if (!SignedRequests.Scenarios.TryGetValue(args[0], out var scenario))
            return Fail($"unknown scenario '{args[0]}'. {Usage}");
        if (
            !options.TryGetValue("url", out var url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var target)
            || !target.IsLoopback
        )
            return Fail(
                "--url must be the bot's loopback address, e.g. http://127.0.0.1:8080 (the load test never leaves this machine)."
            );
        var isSlack = args[0].StartsWith("slack", StringComparison.Ordinal) || args[0] == "mixed";
        if (isSlack && stubPort == 0)
            return Fail("Slack scenarios need --stub-port, the port the bot's Slack:ApiBaseUrl points at.");

        var settings = new LoadSettings(
            target,
            Number("requests", 20_000),
            Number("concurrency", 16),
            TimeSpan.FromSeconds(Number("seconds", 30)),
            Number("warmup", 500),
            options.TryGetValue("pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            options.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : null
        );
        await using var stub = isSlack ? await SlackApiStub.StartAsync(stubPort) : null;
        var result = await LoadRunner.RunAsync(
            settings,
            new SignedPool(args[0], stubPort),
            scenario.ExpectedStatus
        );

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{args[0],-15} {(settings.Rate is { } r ? $"rate={r}" : $"c={settings.Concurrency}"),-8} n={result.Completed,-6} {result.Throughput,8:0} req/s   p50 {result.Percentile(0.50),6:0.00} ms   "
                    + $"p99 {result.Percentile(0.99),6:0.00} ms   max {result.LatenciesMs.LastOrDefault(),7:0.0} ms   unexpected {result.Unexpected}"
                    + $"{(result.CpuMicrosecondsPerRequest is { } cpu ? $"   CPU {cpu:0} µs/req" : "")}{Memory(result)}{(stub is null ? "" : $"   Web API calls (never answered) {stub.WebApiCalls}, response_url {stub.ResponseUrlPosts}")}   ({scenario.What})"
            )
        );
        return result.Unexpected == 0 ? 0 : 1;
    }

    private static string Memory(LoadResult result) =>
        result.RssPeakKb is { } peak
            ? $"   RSS {result.RssAtStartKb / 1024} → peak {peak / 1024} MB, {result.RssAtEndKb / 1024} MB at the end"
            : "";

    private static Dictionary<string, string>? ReadOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                return null;
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
