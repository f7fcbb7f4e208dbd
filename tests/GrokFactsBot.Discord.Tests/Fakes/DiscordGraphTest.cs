using GrokFactsBot.Core;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Discord.Tests.Fakes;

/// <summary>
/// The real Discord DI graph (core + AddDiscord, Gateway mode so nothing listens) pointed at a fresh fake Discord.
/// </summary>
public abstract class DiscordGraphTest : IAsyncLifetime
{
    protected const string BotToken = "rest-token";
    protected const string ApplicationId = "111";

    protected FakeDiscord Discord { get; private set; } = null!;

    protected ServiceProvider Services { get; private set; } = null!;

    /// <summary>A fake clock for the graph, when a test class sets one.</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>Settings a test class changes before the graph is built.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    public async Task InitializeAsync()
    {
        Discord = await FakeDiscord.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:Mode"] = "Gateway",
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
        };
        Configure(settings);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddKnowledgeCore();
        builder.AddDiscord();
        if (Clock is not null)
            builder.Services.AddSingleton<TimeProvider>(Clock);
        Services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        if (Clock is FakeTimeProvider fake)
            StartWithTheGlobalLimitOpen(fake);
    }

    /// <summary>
    /// The bot and the fake share the test clock; the global limit a young test process would keep closed for the
    /// rest of its first second opens at once (its closed second is tested on its own).
    /// </summary>
    private void StartWithTheGlobalLimitOpen(FakeTimeProvider fake)
    {
        Discord.Time = fake;
        var opensIn = Services.GetRequiredService<RateLimiter>().Global.OpensAt - fake.GetUtcNow();
        if (opensIn > TimeSpan.Zero)
            fake.Advance(opensIn);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Discord.DisposeAsync();
    }
}
