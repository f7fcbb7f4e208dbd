using GrokFactsBot.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

    public async Task InitializeAsync()
    {
        Discord = await FakeDiscord.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Discord:BotToken"] = BotToken,
                ["Discord:ApplicationId"] = ApplicationId,
                ["Discord:Mode"] = "Gateway",
                ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            }
        );
        builder.Services.AddKnowledgeCore();
        builder.AddDiscord();
        Services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Discord.DisposeAsync();
    }
}
