using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Slack.Tests.Fakes;

/// <summary>
/// The real GrokFactsBot host on Kestrel (127.0.0.1, any port) with a small knowledge folder and a temp LiteDB file.
/// </summary>
public sealed class SlackBotApp : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    private readonly KnowledgeFolder _knowledge;
    private readonly WebApplicationFactory<Program> _factory;

    private SlackBotApp(KnowledgeFolder knowledge, WebApplicationFactory<Program> factory, MetricProbe metrics)
    {
        _knowledge = knowledge;
        _factory = factory;
        Metrics = metrics;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }
    public MetricProbe Metrics { get; }
    public IServiceProvider Services => _factory.Services;

    public static SlackBotApp Start(FakeSlack slack, params (string Key, string Value)[] settings) =>
        Start(slack, null, settings);

    /// <summary>
    /// With <paramref name="time"/> (a FakeTimeProvider), the answer budget runs on that clock: an answer is late
    /// only when the test says so, however slow the machine.
    /// </summary>
    public static SlackBotApp Start(FakeSlack slack, TimeProvider? time, params (string Key, string Value)[] settings) =>
        Start(slack, time, [], settings);

    /// <summary>With more knowledge files next to Grok-1's (e.g. <see cref="TimelineKnowledge"/>).</summary>
    public static SlackBotApp Start(
        FakeSlack slack,
        TimeProvider? time,
        IReadOnlyList<(string File, string Yaml)> files,
        params (string Key, string Value)[] settings
    )
    {
        var knowledge = new KnowledgeFolder("grokfacts-slack-").WithFile(
            "grok-1.yaml",
            Grok1Knowledge.Yaml(
                new("rumour-mill", "https://example.com/rumour?a=1&b=2", "Grok-1 is bigger <!channel>", "Rumour & Co")
            )
        );
        foreach (var (file, yaml) in files)
            knowledge.WithFile(file, yaml);
        var all = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = knowledge.DatabasePath,
            ["Knowledge:Directory"] = knowledge.Folder,
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:ReconnectDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings)
            all[key] = value;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in all.Where(s => s.Value.Length > 0))
                web.UseSetting(key, value);
            if (time is not null)
                web.ConfigureTestServices(services => services.AddSingleton(time));
        });
        factory.UseKestrel();
        factory.StartServer();
        var metrics = new MetricProbe(factory.Services.GetRequiredService<IMeterFactory>());
        return new SlackBotApp(knowledge, factory, metrics);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Metrics.Dispose();
        await _factory.DisposeAsync();
        _knowledge.Dispose();
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
            if (ReferenceEquals(instrument.Meter.Scope, scope))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(
            (instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value)
        );
        _listener.Start();
    }

    public long Total(string name) => _totals.GetValueOrDefault(name);

    public void Dispose() => _listener.Dispose();
}
