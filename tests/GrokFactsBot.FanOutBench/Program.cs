using System.Diagnostics;
using GrokFactsBot.Core;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Curation;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Testing.ChatApi;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project tests/GrokFactsBot.FanOutBench [channels=1000] [perSecond=50]
var channels = args.Length > 0 ? int.Parse(args[0]) : 1000;
var perSecond = args.Length > 1 ? int.Parse(args[1]) : 50;

await using var api = await FakeChatApi.StartAsync(perSecond);
using var http = new HttpClient { BaseAddress = api.BaseAddress };
var dbPath = Path.Combine(Path.GetTempPath(), "grokfacts-fanout", Guid.NewGuid().ToString("N"), "bench.db");
var knowledge = Path.Combine(Path.GetDirectoryName(dbPath)!, "knowledge");
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

using var publisher = new HttpChannelPublisher(http, perSecond);
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
    .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
    .AddKnowledgeCore()
    .AddCuration()
    .AddSingleton<ILiteDatabase>(_ => LiteDbFactory.OpenFile(dbPath))
    .AddSingleton<IChannelPublisher>(publisher)
    .BuildServiceProvider();
services.GetRequiredService<GrokFactsBot.Core.Knowledge.KnowledgeImporter>().Import(knowledge);
var runner = services.GetRequiredService<TextCommandRunner>();
for (var c = 0; c < channels; c++)
    runner.Run("subscribe", new Caller(Platform.Discord, "discord:u", "u", "discord:g", $"c{c}", false, false, true));
var outbox = services.GetRequiredService<UpdateOutbox>();
var worker = services.GetRequiredService<DeliveryWorker>();

var clock = Stopwatch.StartNew();
Console.WriteLine(
    runner
        .Run(
            "fact add v9-medium open_weights_released 2026-09-01 https://example.com/v9 kind:primary",
            Caller.Console("bench")
        )
        .Title
);
await worker.StartAsync(CancellationToken.None);
while (outbox.DeliveredCount < channels)
    await Task.Delay(10);
clock.Stop();
await worker.StopAsync(CancellationToken.None);

var floor = (channels - perSecond) / (double)perSecond;
Console.WriteLine(
    $"{channels} channels, limit {perSecond}/s: delivered {api.MessageCount} in {clock.Elapsed.TotalSeconds:0.00} s "
        + $"({channels / clock.Elapsed.TotalSeconds:0.0} msg/s); {api.Requests} requests, {api.RateLimited} answered 429; "
        + $"the limit allows it in {floor:0.0}–{channels / (double)perSecond:0.0} s"
);

await services.DisposeAsync();
Directory.Delete(Path.GetDirectoryName(dbPath)!, recursive: true);
