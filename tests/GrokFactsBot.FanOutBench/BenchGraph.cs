using GrokFactsBot.Core;
using GrokFactsBot.Core.Curation;
using GrokFactsBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.FanOutBench;

/// <summary>
/// The bot's own services on a database file: the core, curation and its outbox worker and, when given the fake
/// API's address, the Discord adapter with its real REST client, rate limiter and channel publisher.
/// </summary>
public static class BenchGraph
{
    public static ServiceProvider Build(string databasePath, Uri? discordApi = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath };
        if (discordApi is not null)
        {
            settings["Discord:BotToken"] = "fan-out-bench";
            settings["Discord:ApplicationId"] = "111";
            settings["Discord:Mode"] = "Gateway";
            settings["Discord:ApiBaseUrl"] = discordApi.ToString();
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Error).AddSimpleConsole();
        builder.Services.AddKnowledgeCore().AddCuration();
        if (discordApi is not null)
            builder.AddDiscord();
        return builder.Services.BuildServiceProvider();
    }
}
