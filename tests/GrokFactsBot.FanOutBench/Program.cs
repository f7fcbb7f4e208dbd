using System.Diagnostics;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.FanOutBench;
using GrokFactsBot.Testing.ChatApi;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project tests/GrokFactsBot.FanOutBench -- [channels=1000] [perSecond=50] [kill]
// One update fanned out to N subscribed Discord channels by the bot's delivery worker and its real REST client, in a
// child process, against a loopback fake API enforcing perSecond requests in any one second. One channel in 50 is
// dead (403 or 404, answered after 0.5 s). With "kill", the child is killed (SIGKILL) once half the posts are out
// and a post to a dead channel is in flight, then started again at once on the same database file.
if (args is ["deliver", var file, var url, var healthyArg, var deadArg])
    return await Deliverer.RunAsync(file, new Uri(url), int.Parse(healthyArg), int.Parse(deadArg));

var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToArray();
var channels = numbers.Length > 0 ? numbers[0] : 1000;
var perSecond = numbers.Length > 1 ? numbers[1] : 50;
var kill = args.Contains("kill");
const int DeadEvery = 50;

await using var api = await FakeChatApi.StartAsync(perSecond);
api.DeadChannelLatency = TimeSpan.FromMilliseconds(500);
var ids = Enumerable.Range(0, channels).Select(c => (900_000_000_000_000_000L + c).ToString()).ToList();
var dead = ids.Where((_, i) => i % DeadEvery == DeadEvery / 2).ToList();
foreach (var (id, i) in dead.Select((id, i) => (id, i)))
    (i % 2 == 0 ? api.Forbidden : api.Gone)[id] = 1;

var folder = Path.Combine(Path.GetTempPath(), "grokfacts-fanout", Guid.NewGuid().ToString("N"));
var database = Path.Combine(folder, "bench.db");
Prepare(folder, database, api.BaseAddress, ids);

var self = typeof(Deliverer).Assembly.Location;
Process Deliver() =>
    Process.Start(
        "dotnet",
        [self, "deliver", database, api.BaseAddress.ToString(), (channels - dead.Count).ToString(), dead.Count.ToString()]
    )!;

using var stop = new CancellationTokenSource();
_ = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
    while (await timer.WaitForNextTickAsync(stop.Token))
        Console.Error.WriteLine($"… {api.Requests} requests, {api.MessageCount} messages, {api.RateLimited} × 429");
});
var first = Deliver();
var downtime = TimeSpan.Zero;
var restarts = 0;
if (kill)
{
    while (!first.HasExited && (api.Posts.Values.Sum() < channels / 2 || api.DeadInFlight == 0))
        await Task.Delay(1);
    var killedAt = Stopwatch.GetTimestamp();
    var requestsAtKill = api.Requests;
    first.Kill();
    await first.WaitForExitAsync();
    var second = Deliver();
    restarts = 1;
    while (api.Requests == requestsAtKill && !second.HasExited)
        await Task.Delay(1);
    downtime = Stopwatch.GetElapsedTime(killedAt);
    first = second;
}
await first.WaitForExitAsync();

var postsToDead = dead.Select(id => api.Posts.GetValueOrDefault(id)).ToList();
var healthyMessages = ids.Except(dead).Select(api.MessagesIn).ToList();
Console.WriteLine(
    $"{channels} channels ({dead.Count} dead), limit {perSecond}/s, {restarts} kill -9: "
        + $"{api.Busy.TotalSeconds:0.00} s from first to last request (downtime {downtime.TotalSeconds:0.00} s); "
        + $"{api.Requests} requests ({api.Gets} GET), {api.RateLimited} answered 429; "
        + $"messages per healthy channel {healthyMessages.Min()}–{healthyMessages.Max()}, "
        + $"posts per dead channel {postsToDead.Min()}–{postsToDead.Max()}; child exit {first.ExitCode}; "
        + $"the limit allows it in {(channels - perSecond) / (double)perSecond:0.0}–{channels / (double)perSecond:0.0} s"
);
Directory.Delete(folder, recursive: true);
return first.ExitCode;

static void Prepare(string folder, string database, Uri api, IReadOnlyList<string> channelIds)
{
    var knowledge = Path.Combine(folder, "knowledge");
    Directory.CreateDirectory(knowledge);
    File.WriteAllText(
        Path.Combine(knowledge, "m.yaml"),
        """
        sources:
          - { id: s, url: "https://example.com/v9", title: V9, publisher: Acme, kind: primary }
        models:
          - { id: v9-medium, name: V9-Medium, developer: Acme, family: v9, status: announced, claims: [] }
        """
    );
    using var services = BenchGraph.Build(database, api);
    services.GetRequiredService<KnowledgeImporter>().Import(knowledge);
    var runner = services.GetRequiredService<TextCommandRunner>();
    foreach (var id in channelIds)
        runner.Run("subscribe", new Caller(Platform.Discord, "discord:u", "u", "discord:g", id, false, false, true));
    runner.Run(
        "fact add v9-medium open_weights_released 2026-09-01 https://example.com/v9 kind:primary",
        Caller.Console("bench")
    );
}
