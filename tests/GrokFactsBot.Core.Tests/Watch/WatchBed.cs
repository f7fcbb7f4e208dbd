using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Curation;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.News;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Updates.Fakes;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Core.Watch;
using GrokFactsBot.Core.Watch.HuggingFace;
using GrokFactsBot.Testing.HuggingFace;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Core.Tests.Watch;

/// <summary>
/// The real core graph with curation, the outbox and the Hugging Face watcher over one LiteDB, pointed at a fake Hub,
/// on a test clock, with in-memory Discord and Slack publishers.
/// </summary>
public sealed class WatchBed : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public const string Knowledge = """
        sources:
          - id: xai-grok-os
            url: https://x.ai/news/grok-os
            title: Open Release of Grok-1
            publisher: xAI
            published: 2024-03-17
            kind: primary
          - id: xai-grok-3
            url: https://x.ai/news/grok-3
            title: Grok 3 Beta
            publisher: xAI
            published: 2025-02-19
            kind: primary
          - id: meta-llama-3-1
            url: https://ai.meta.com/blog/meta-llama-3-1/
            title: Introducing Llama 3.1
            publisher: Meta
            published: 2024-07-23
            kind: primary
          - id: testlab-v9
            url: https://testlab.example/blog/v9
            title: Introducing Test V9
            publisher: TestLab
            published: 2026-11-20
            kind: primary
        models:
          - id: grok-1
            name: Grok-1
            developer: xAI
            family: grok
            status: released
            aliases: [grok1, grok-1-base]
            claims:
              - attribute: total_parameters
                value: 314B
                source: xai-grok-os
              - attribute: weights_location
                value: huggingface.co/xai-org/grok-1
                source: xai-grok-os
          - id: grok-3
            name: Grok 3
            developer: xAI
            family: grok
            status: released
            claims:
              - attribute: announced
                value: 2025-02-17
                source: xai-grok-3
          - id: llama-3.1-405b
            name: Llama 3.1 405B
            developer: Meta
            family: llama
            status: released
            aliases: [llama 3.1 405b]
            claims:
              - attribute: total_parameters
                value: 405B
                source: meta-llama-3-1
          - id: test-v9
            name: Test V9
            developer: TestLab
            family: test
            status: released
            claims:
              - attribute: api_available
                value: 2026-11-20
                source: testlab-v9
        """;

    private readonly ServiceProvider _services;
    private readonly TempFolder _folder = new("grokfacts-watch-");

    public WatchBed(FakeHuggingFace hub, ILiteDatabase? database = null, Dictionary<string, string?>? settings = null)
    {
        _folder.Write("labs.yaml", Knowledge);
        var config = new Dictionary<string, string?>
        {
            ["Watch:HuggingFace:Enabled"] = "true",
            ["Watch:HuggingFace:BaseUrl"] = hub.BaseUrl,
            ["Updates:InitialBackoff"] = "00:00:00.001",
            ["Updates:MaxBackoff"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? [])
            config[key] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddKnowledgeCore();
        services.AddCuration();
        services.AddHuggingFaceWatcher();
        services.AddNews();
        services.AddSingleton<TimeProvider>(Clock);
        var db = database ?? LiteDbFactory.InMemory();
        services.AddSingleton(_ => db);
        services.AddSingleton<IChannelPublisher>(Discord);
        services.AddSingleton<IChannelPublisher>(Slack);
        _services = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }
        );
        var imported = Get<KnowledgeImporter>().Import(_folder.Path);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public RecordingPublisher Discord { get; } = new(Platform.Discord);
    public RecordingPublisher Slack { get; } = new(Platform.Slack);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public KnowledgeStore Store => Get<KnowledgeStore>();
    public UpdateOutbox Outbox => Get<UpdateOutbox>();
    public PoliteHttp HubHttp => _services.GetRequiredKeyedService<PoliteHttp>(HuggingFaceOptions.Section);
    public WatchService Service => _services.GetRequiredKeyedService<WatchService>(HuggingFaceWatcher.ServiceKey);

    public Task<PollReport> PollAsync(CancellationToken cancellationToken = default) =>
        Get<HuggingFaceWatcher>().PollAsync(cancellationToken);

    /// <summary>Polls again one interval later, as the service would.</summary>
    public Task<PollReport> NextPollAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(15));
        return PollAsync();
    }

    public Answer Run(string line, Caller caller) => Get<TextCommandRunner>().Run(line, caller);

    public IReadOnlyList<ReleaseUpdate> Updates => Outbox.Recent(long.MaxValue, 100);

    public Answer Facts(string model, params Domain.ModelAttribute[] attributes) =>
        Get<KnowledgeQueries>().Facts(model, Audience.Everyone, "test", attributes);

    /// <summary>Delivers everything pending (deliveries are immediate here; retries are milliseconds apart).</summary>
    public async Task DrainAsync()
    {
        var worker = Get<DeliveryWorker>();
        for (var pass = 0; pass < 100 && await worker.RunOnceAsync(CancellationToken.None) > 0; pass++) { }
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
