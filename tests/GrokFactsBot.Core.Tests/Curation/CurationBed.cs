using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Curation;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;
using GrokFactsBot.Core.Tests.Updates.Fakes;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Testing.ChatApi;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Core.Tests.Curation;

/// <summary>
/// The real core graph with curation and the outbox (AddKnowledgeCore + AddCuration) over one LiteDB, a knowledge
/// folder written by the test, and in-memory publishers for Discord and Slack.
/// </summary>
public sealed class CurationBed : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempFolder? _ownFolder;

    public CurationBed(
        ILiteDatabase? database = null,
        string? directory = null,
        IEnumerable<IChannelPublisher>? publishers = null
    )
    {
        _ownFolder = directory is null ? new TempFolder("grokfacts-curation-") : null;
        Directory = directory ?? _ownFolder!.Path;
        _ownFolder?.Write("models.yaml", SampleKnowledge.Yaml);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(
            new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?>
                    {
                        ["Updates:InitialBackoff"] = "00:00:00.001",
                        ["Updates:MaxBackoff"] = "00:00:00.010",
                        ["Updates:MaxParallelDeliveries"] = "8",
                    }
                )
                .Build()
        );
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddKnowledgeCore();
        services.AddCuration();
        var db = database ?? LiteDbFactory.InMemory();
        services.AddSingleton(_ => db);
        foreach (var publisher in publishers ?? [Discord, Slack])
            services.AddSingleton(publisher);
        services.AddSingleton<TimeProvider>(Clock);
        _services = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }
        );
    }

    /// <summary>The graph's clock: retries fall due when <see cref="DrainAsync"/> moves it on, not after real waits.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public RecordingPublisher Discord { get; } = new(Platform.Discord);
    public RecordingPublisher Slack { get; } = new(Platform.Slack);

    public string Directory { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public KnowledgeStore Store => Get<KnowledgeStore>();
    public UpdateOutbox Outbox => Get<UpdateOutbox>();
    public DeliveryWorker Worker => Get<DeliveryWorker>();

    public ImportResult Import() => Get<KnowledgeImporter>().Import(Directory);

    public void Write(string name, string text)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, name), text);
    }

    public Answer Run(string line, Caller caller) => Get<TextCommandRunner>().Run(line, caller);

    /// <summary>
    /// Runs delivery passes until nothing is pending that can go (retries are due within milliseconds here).
    /// </summary>
    /// <summary>
    /// Delivers until nothing is left, moving the test clock to each retry as it falls due. Against an API that
    /// keeps real time (a rate limit per real second), <paramref name="realApiPace"/> also lets that much real time
    /// pass between passes.
    /// </summary>
    public async Task DrainAsync(TimeSpan? realApiPace = null)
    {
        for (var pass = 0; pass < 500; pass++)
        {
            if (await Worker.RunOnceAsync(CancellationToken.None) > 0)
                continue;
            if (Outbox.NextDue(ActiveChannels()) is not { } due)
                return;
            if (realApiPace is { } pace)
                await Task.Delay(pace);
            Clock.Advance(due > Clock.GetUtcNow() ? due - Clock.GetUtcNow() : TimeSpan.FromMilliseconds(1));
        }
        throw new TimeoutException($"The outbox did not drain: {Outbox.PendingCount} pending");
    }

    private HashSet<string> ActiveChannels() =>
        Get<SubscriptionStore>().All().Where(s => s.IsActive).Select(s => s.Channel.Key).ToHashSet();

    public void Dispose()
    {
        _services.Dispose();
        _ownFolder?.Dispose();
    }
}

/// <summary>Who is asking, on each platform, in the shapes the adapters fill in.</summary>
public static class Callers
{
    public static Caller GlobalAdmin(Platform platform, string server = "A") =>
        Make(platform, "admin", server, global: true, serverAdmin: false);

    public static Caller ServerAdmin(Platform platform, string server = "A") =>
        Make(platform, "mod", server, global: false, serverAdmin: true);

    public static Caller Member(Platform platform, string server = "A") =>
        Make(platform, "member", server, global: false, serverAdmin: false);

    public static Caller Make(
        Platform platform,
        string user,
        string server,
        bool global,
        bool serverAdmin,
        string channel = "general",
        bool manageChannels = false
    )
    {
        var prefix = platform.ToString().ToLowerInvariant();
        return new Caller(
            platform,
            $"{prefix}:{server}/{user}",
            user,
            $"{prefix}:{server}",
            $"{server}-{channel}",
            global,
            serverAdmin,
            manageChannels || serverAdmin
        );
    }
}
