using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Slack.Tests.Fakes;

/// <summary>The real GrokFactsBot host on Kestrel (127.0.0.1, any port) with a small knowledge folder and a temp LiteDB file.</summary>
public sealed class SlackBotApp : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    private readonly string _dir;
    private readonly WebApplicationFactory<Program> _factory;

    private SlackBotApp(string dir, WebApplicationFactory<Program> factory, MetricProbe metrics)
    {
        _dir = dir;
        _factory = factory;
        Metrics = metrics;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }
    public MetricProbe Metrics { get; }
    public IServiceProvider Services => _factory.Services;

    public static SlackBotApp Start(FakeSlack slack, params (string Key, string Value)[] settings)
    {
        var dir = Directory.CreateTempSubdirectory("grokfacts-slack-").FullName;
        TestKnowledge.WriteTo(Path.Combine(dir, "knowledge"));
        var all = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = Path.Combine(dir, "grokfacts.db"),
            ["Knowledge:Directory"] = Path.Combine(dir, "knowledge"),
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:ReconnectDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings) all[key] = value;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in all.Where(s => s.Value.Length > 0)) web.UseSetting(key, value);
        });
        factory.UseKestrel();
        factory.StartServer();
        var metrics = new MetricProbe(factory.Services.GetRequiredService<IMeterFactory>());
        return new SlackBotApp(dir, factory, metrics);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Metrics.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>Sums the bot's counters for one app instance (meters are scoped to that app's IMeterFactory).</summary>
public sealed class MetricProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricProbe(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    public long Total(string name) => _totals.GetValueOrDefault(name);

    public void Dispose() => _listener.Dispose();
}

public static class TestKnowledge
{
    public static void WriteTo(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "sources.yaml"), """
            sources:
              - id: xai-grok-os
                url: https://x.ai/news/grok-os
                title: Open Release of Grok-1
                publisher: xAI
                published: 2024-03-17
                retrieved: 2026-08-25
                kind: primary
              - id: rumour-mill
                url: https://example.com/rumour?a=1&b=2
                title: Grok-1 is bigger <!channel>
                publisher: Rumour & Co
                published: 2024-03-20
                retrieved: 2026-08-25
                kind: primary
            """);
        File.WriteAllText(Path.Combine(dir, "models.yaml"), """
            models:
              - id: grok-1
                name: Grok-1
                developer: xAI
                family: grok
                status: released
                status_as_of: 2026-08-25
                aliases: [grok1]
                claims:
                  - attribute: total_parameters
                    value: 314B
                    source: xai-grok-os
                    quote: "314 billion parameter Mixture-of-Experts model"
                  - attribute: total_parameters
                    value: 400B
                    source: rumour-mill
                    quote: "400 billion"
                  - attribute: license
                    value: Apache-2.0
                    source: xai-grok-os
                    quote: "Apache 2.0"
            """);
    }
}
