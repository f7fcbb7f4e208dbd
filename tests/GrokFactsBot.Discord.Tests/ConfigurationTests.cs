using GrokFactsBot.Core;
using GrokFactsBot.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Tests;

public sealed class ConfigurationTests
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddKnowledgeCore();
        builder.AddDiscord();
        var app = builder.Build();
        app.MapDiscord();
        return app;
    }

    private static int EndpointCount(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.Sum(d => d.Endpoints.Count);

    [Fact]
    public async Task Without_discord_settings_nothing_is_registered_or_mapped()
    {
        await using var app = Build([]);
        Assert.Empty(app.Services.GetServices<IFrontEnd>());
        Assert.Equal(0, EndpointCount(app));
    }

    [Fact]
    public async Task Gateway_mode_maps_no_http_endpoint_but_registers_the_front_end()
    {
        await using var app = Build(
            new()
            {
                ["Discord:BotToken"] = "t",
                ["Discord:ApplicationId"] = "1",
                ["Discord:Mode"] = "Gateway",
            }
        );
        Assert.Single(app.Services.GetServices<IFrontEnd>());
        Assert.Equal(0, EndpointCount(app));
    }

    [Theory]
    [InlineData("Http", "not-hex", "111", "Discord:PublicKey must be the 64-hex-character Public Key")]
    [InlineData("Htpp", null, "111", "Discord:Mode 'Htpp' is not known")]
    [InlineData("Gateway", null, "my-app", "Discord:ApplicationId must be the numeric Application ID")]
    [InlineData("Gateway", null, null, "Discord:ApplicationId must be the numeric Application ID")]
    public async Task Bad_settings_stop_start_up_with_a_message_a_person_can_act_on(
        string mode,
        string? publicKey,
        string? applicationId,
        string expected
    )
    {
        await using var app = Build(
            new()
            {
                ["Discord:BotToken"] = "t",
                ["Discord:Mode"] = mode,
                ["Discord:PublicKey"] = publicKey,
                ["Discord:ApplicationId"] = applicationId,
            }
        );
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0-8/8", "Discord:Shards '0-8/8': shard ids run from 0 to total − 1, so the last may be at most 7.")]
    [InlineData("all", "Discord:Shards 'all' is not a shard range: write first-last/total (e.g. 0-3/8)")]
    public async Task A_bad_shard_range_stops_start_up_naming_the_fix(string shards, string expected)
    {
        await using var app = Build(
            new()
            {
                ["Discord:BotToken"] = "t",
                ["Discord:ApplicationId"] = "1",
                ["Discord:Mode"] = "Gateway",
                ["Discord:Shards"] = shards,
            }
        );
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
