using System.Text.Json.Nodes;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Discord.Gateway;
using GrokFactsBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// The real program in Gateway mode against the fake Gateway: identify, answer, drop, resume, reconnect, invalidate,
/// fatal close.
/// </summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private readonly KnowledgeFolder _knowledge = TestKnowledge.Create();
    private FakeDiscord _discord = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _app = new BotApp(_knowledge, _discord, new() { ["Discord:Mode"] = "Gateway" });
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _knowledge.Dispose();
        Environment.ExitCode = 0;
    }

    private static JsonObject Interaction(string id) =>
        JsonNode
            .Parse(
                $$$"""
                {"id":"{{{id}}}","application_id":"111222333","type":2,"token":"gw-token-{{{id}}}","version":1,"guild_id":"42","channel_id":"7",
                 "member":{"user":{"id":"555"},"permissions":"0"},
                 "data":{"id":"1","name":"license","type":1,"options":[{"name":"model","type":3,"value":"grok-1"}]}}
                """
            )!
            .AsObject();

    [Fact]
    public async Task Session_identifies_answers_over_rest_resumes_after_drops_and_stops_on_4004()
    {
        var first = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", first.Path);
        Assert.Contains("v=10", first.Query, StringComparison.Ordinal);
        var identify = await first.ReceiveAsync();
        Assert.Equal(2, (int)identify["op"]!);
        Assert.Equal(0, (int)identify["d"]!["intents"]!);
        Assert.Equal("[0,1]", identify["d"]!["shard"]!.ToJsonString());
        Assert.Equal("test-token", (string)identify["d"]!["token"]!);
        var discovery = Assert.Single(_discord.Requests, r => r.Path == "/gateway/bot");
        Assert.Equal("Bot test-token", discovery.Headers["Authorization"]);

        await first.ReadyAsync("session-1");
        await first.DispatchAsync("INTERACTION_CREATE", Interaction("77"));
        var callback = await _discord.WaitForRequestAsync(r => r.Path == "/interactions/77/gw-token-77/callback");
        Assert.Equal("POST", callback.Method);
        Assert.Equal(4, (int)callback.Json["type"]!);
        Assert.Contains("Apache-2.0", callback.Json["data"]!["embeds"]![0]!.ToJsonString(), StringComparison.Ordinal);
        var readiness = _app.Services.GetServices<IReadinessCheck>().Single(c => c.Name == "discord-gateway");
        Assert.True(readiness.Check().IsReady);

        first.Drop();
        var second = await _discord.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        var resume = await second.ReceiveAsync();
        Assert.Equal(6, (int)resume["op"]!);
        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
        Assert.Equal(2, (long)resume["d"]!["seq"]!);

        await second.DispatchAsync("RESUMED", new JsonObject(), seq: 3);
        await second.SendAsync("""{"op":7,"d":null}""");
        var third = await _discord.NextConnectionAsync();
        var resumeAgain = await third.ReceiveAsync();
        Assert.Equal(6, (int)resumeAgain["op"]!);
        Assert.Equal(3, (long)resumeAgain["d"]!["seq"]!);

        await third.SendAsync("""{"op":9,"d":false}""");
        var fourth = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", fourth.Path);
        Assert.Equal(2, (int)(await fourth.ReceiveAsync())["op"]!);

        // Resolved now: once the bot stops, the host disposes its services, possibly before the assertions run.
        var gateway = _app.Services.GetRequiredService<DiscordGatewayService>();
        var stopping = new TaskCompletionSource();
        _app.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.Register(() => stopping.TrySetResult());
        await fourth.CloseAsync(4004);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("4004", gateway.FatalReason, StringComparison.Ordinal);
        Assert.Single(_discord.Requests, r => r.Path == "/gateway/bot");
    }
}
