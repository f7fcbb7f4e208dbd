using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GrokFactsBot.Testing;
using GrokFactsBot.Testing.Discord;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// <c>drain --bot path/to/GrokFactsBot.dll --knowledge folder [--answers 501] [--latency 1] [--runs 3]</c>: the built
/// bot in Discord Http mode against a loopback Discord that answers each edit of a deferred answer
/// (<c>PATCH /webhooks/{app}/{token}/messages/@original</c>) after <c>--latency</c> seconds. Sends that many
/// <c>/timeline which:xai</c> interactions (a chart always defers: its file goes in the edit), sends SIGTERM as soon
/// as the last defer is back, and counts the edits that reached Discord and were answered before the process ended,
/// its exit code and what it logged about them. Prints one line a run and the median.
/// </summary>
public static class DrainBench
{
    private static readonly GuildMember Member = new("810000000000000001", "700000000000000001", "42");

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Arg("bot") is not { } botDll || !File.Exists(botDll) || Arg("knowledge") is not { } knowledge)
        {
            Console.Error.WriteLine(
                "usage: drain --bot path/to/GrokFactsBot.dll --knowledge folder [--answers 501] [--latency 1] [--runs 3]"
            );
            return 2;
        }
        var answers = int.Parse(Arg("answers") ?? "501", CultureInfo.InvariantCulture);
        var latency = TimeSpan.FromSeconds(double.Parse(Arg("latency") ?? "1", CultureInfo.InvariantCulture));
        var runs = int.Parse(Arg("runs") ?? "3", CultureInfo.InvariantCulture);
        using var temp = new TempFolder("grokfacts-drain-bench-");
        var arrived = new List<int>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await RunOnceAsync(Path.GetFullPath(botDll), Path.GetFullPath(knowledge), temp.Combine("drain.db"), answers, latency);
            arrived.Add(result.Answered);
            Console.WriteLine($"run {run}: {result}");
        }
        Console.WriteLine(
            $"median over {runs} runs: {arrived.Order().ElementAt(runs / 2)} of {answers} deferred answers edited in "
                + $"(platform latency {latency.TotalSeconds:0.###} s)"
        );
        return 0;
    }

    private sealed record DrainResult(int Deferred, int Arrived, int Answered, int ExitCode, TimeSpan Sending, TimeSpan Stopping, string Logged)
    {
        public override string ToString() =>
            $"{Deferred} deferred in {Sending.TotalSeconds:0.0} s; after SIGTERM {Arrived} edits reached Discord, {Answered} "
            + $"answered; exit {ExitCode} after {Stopping.TotalSeconds:0.0} s; logged: {Logged}";
    }

    private static async Task<DrainResult> RunOnceAsync(string dll, string knowledge, string database, int answers, TimeSpan latency)
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.Latency = r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal) ? latency : TimeSpan.Zero;
        using var signer = new Signer();
        using var bot = BenchBot.Start(
            dll,
            BotSettings.AsEnvironment(
            [
                new("Knowledge:Directory", knowledge),
                new("Storage:DatabasePath", database),
                .. BotSettings.DiscordHttp(signer, discord, "bench"),
                new("Logging:LogLevel:Default", "Warning"),
                new("Logging:LogLevel:GrokFactsBot.Lifecycle", "Information"),
                new("Logging:LogLevel:GrokFactsBot.Core.Hosting.LateWork", "Information"),
            ])
        );
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(await bot.ListeningAsync()), Timeout = TimeSpan.FromSeconds(60) };
            var started = Stopwatch.GetTimestamp();
            using var slots = new SemaphoreSlim(32);
            var types = await Task.WhenAll(Enumerable.Range(0, answers).Select(_ => DeferAsync(http, signer, slots)));
            var sending = Stopwatch.GetElapsedTime(started);
            if (types.Any(t => t != 5))
                Console.Error.WriteLine(
                    "not deferred: " + string.Join(", ", types.Where(t => t != 5).GroupBy(t => t).Select(g => $"{g.Count()} × type {g.Key}"))
                );
            var stopping = Stopwatch.GetTimestamp();
            var exit = await bot.TerminateAsync();
            var edits = discord.Requests.Count(IsEdit);
            var answered = discord.Answered.Count(IsEdit);
            string[] lines;
            lock (bot.Log)
                lines = [.. bot.Log.Where(l => l.Contains("answers in flight", StringComparison.Ordinal) || l.Contains("Lost ", StringComparison.Ordinal) || l.Contains("gave up", StringComparison.Ordinal)).Select(l => l.Trim())];
            return new DrainResult(
                types.Count(t => t == 5),
                edits,
                answered,
                exit,
                sending,
                Stopwatch.GetElapsedTime(stopping),
                lines.Length == 0 ? "nothing about them" : string.Join(" | ", lines.Distinct())
            );
        }
        finally
        {
            await bot.StopAsync();
        }
    }

    /// <summary>Answers other than a defer printed so far (the first is shown: it says what went wrong).</summary>
    private static int _shown;

    private static bool IsEdit(RecordedRequest request) =>
        request.Method == "PATCH" && request.Path.EndsWith("/messages/@original", StringComparison.Ordinal);

    /// <summary>One signed /timeline interaction; the response type Discord got (5: deferred).</summary>
    private static async Task<int> DeferAsync(HttpClient http, Signer signer, SemaphoreSlim slots)
    {
        await slots.WaitAsync();
        try
        {
            using var request = DiscordInteraction.Signed(signer, DiscordInteraction.Command(Member, "timeline", null, ("which", "xai")));
            using var response = await http.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var type = (int?)body?["type"] ?? -(int)response.StatusCode;
            if (type != 5 && Interlocked.Increment(ref _shown) == 1)
                Console.Error.WriteLine($"the first answer that was not a defer ({(int)response.StatusCode}): {body?.ToJsonString()}");
            return type;
        }
        finally
        {
            slots.Release();
        }
    }
}
