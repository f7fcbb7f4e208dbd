using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GrokFactsBot.Testing;
using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Testing.HuggingFace;

namespace GrokFactsBot.Benchmarks.Watch;

/// <summary>
/// <c>watch --bot path/to/GrokFactsBot.dll [--interval 2] [--polls 10] [--rounds 10]</c>: runs the built bot with the
/// Hugging Face watcher on a loopback Hub of seven organisations and a loopback Discord, then prints (1) what an
/// interval costs when nothing changed (requests and bytes per organisation, from /metrics) and (2) the time from a
/// repo's publication to the subscribed channel's message, and from the poll that saw it to that message.
/// </summary>
public static class WatchBench
{
    private static readonly string[] Orgs = ["xai-org", "meta-llama", "mistralai", "deepseek-ai", "moonshotai", "openai", "Qwen"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Arg("bot") is not { } botDll || !File.Exists(botDll))
        {
            Console.Error.WriteLine("usage: watch --bot path/to/GrokFactsBot.dll [--interval 2] [--polls 10] [--rounds 10]");
            return 2;
        }
        var interval = TimeSpan.FromSeconds(double.Parse(Arg("interval") ?? "2", CultureInfo.InvariantCulture));
        var polls = int.Parse(Arg("polls") ?? "10", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arg("rounds") ?? "10", CultureInfo.InvariantCulture);

        await using var hub = await FakeHuggingFace.StartAsync(
            [.. Orgs.Select((o, i) => new FakeRepo($"{o}/existing-{i}", DateTimeOffset.UtcNow.AddDays(-30 - i), 7_000_000_000))]
        );
        await using var discord = await FakeDiscord.StartAsync();
        using var signer = new Signer();
        using var folder = new KnowledgeFolder("grokfacts-watch-bench-").WithFile("lab.yaml", Grok1Knowledge.WithWeights);
        using var bot = StartBot(Path.GetFullPath(botDll), folder, hub, discord, signer, interval);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(await bot.ListeningAsync()) };
            for (var seen = 0; seen < Orgs.Length;)
                if ((await hub.WaitForRequestAsync(r => r.IsListing)).Status == 304)
                    seen++;
            using (var subscribe = DiscordInteraction.Signed(signer, DiscordInteraction.Command(Member, "subscribe", null, [("developer", "xAI")])))
            {
                using var answer = await http.SendAsync(subscribe);
                var text = await answer.Content.ReadAsStringAsync();
                if (!text.Contains("Subscribed", StringComparison.Ordinal))
                    throw new InvalidOperationException("subscribe failed: " + text);
            }

            var before = await MetricsAsync(http);
            for (var i = 0; i < polls * Orgs.Length; i++)
                await hub.WaitForRequestAsync(r => r.IsListing && r.Status == 304);
            var after = await MetricsAsync(http);
            var (p, r, b) = (after.Polls - before.Polls, after.Requests - before.Requests, after.Bytes - before.Bytes);
            Console.WriteLine(
                $"unchanged: {p} polls of {Orgs.Length} organisations: {r / p / Orgs.Length:0.##} request(s) and "
                    + $"{b / p / Orgs.Length:0} bytes per organisation per interval ({b / p:0} bytes per interval in all)"
            );

            var fromPublish = new List<double>();
            var fromPoll = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds));
                var repo = $"xai-org/bench-{round}";
                var published = DateTimeOffset.UtcNow;
                hub.Publish(new FakeRepo(repo, published, 1_000_000_000 + round));
                var message = await discord.WaitForRequestAsync(q => q.Method == "POST" && q.Body.Contains(repo, StringComparison.Ordinal));
                var listed = hub.Requests.Where(q => q.IsListing && q.Status == 200 && q.At >= published).Min(q => q.At);
                fromPublish.Add((message.At - published).TotalMilliseconds);
                fromPoll.Add((message.At - listed).TotalMilliseconds);
            }
            Console.WriteLine(
                $"publication → channel message, interval {interval.TotalSeconds:0.#} s, {rounds} repos: median {Median(fromPublish):0} ms, "
                    + $"max {fromPublish.Max():0} ms; the poll that saw it → message: median {Median(fromPoll):0} ms, max {fromPoll.Max():0} ms"
            );
            return 0;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            Console.Error.WriteLine("timed out; the bot's last log lines:");
            lock (bot.Log)
                bot.Log.TakeLast(30).ToList().ForEach(Console.Error.WriteLine);
            return 1;
        }
        finally
        {
            await bot.StopAsync();
        }
    }

    private static readonly GuildMember Member = new("810000000000000001", "700000000000000001", "42", GuildMember.ManageChannels);


    private static BenchBot StartBot(string dll, KnowledgeFolder folder, FakeHuggingFace hub, FakeDiscord discord, Signer signer, TimeSpan interval)
    {
        KeyValuePair<string, string>[] environment =
        [
            new("Knowledge:Directory", folder.Folder),
            new("Storage:DatabasePath", folder.DatabasePath),
            .. BotSettings.DiscordHttp(signer, discord, "bench"),
            new("Watch:HuggingFace:Enabled", "true"),
            new("Watch:HuggingFace:BaseUrl", hub.BaseUrl),
            new("Watch:HuggingFace:Interval", interval.ToString("c", CultureInfo.InvariantCulture)),
            // A short bench interval would spend the default budget (100 requests per 5 minutes) in a minute.
            new("Watch:HuggingFace:RequestBudget", "10000"),
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:GrokFactsBot.Lifecycle", "Information"),
            .. Orgs.Select((org, i) => new KeyValuePair<string, string>($"Watch:HuggingFace:Organizations:{i}", org)),
        ];
        return BenchBot.Start(dll, environment.AsEnvironment());
    }

    private static async Task<(double Polls, double Requests, double Bytes)> MetricsAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        double Sum(string name) =>
            Regex.Matches(text, $@"^{name}\{{[^}}]*\}} (\S+)", RegexOptions.Multiline).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return (Sum("grokfacts_watch_polls_total"), Sum("grokfacts_watch_requests_total"), Sum("grokfacts_watch_response_bytes_total"));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
