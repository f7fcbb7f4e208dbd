using System.Text.Json.Nodes;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// Deferred answers over the Gateway: the defer goes to the callback route over REST, the answer follows it, an
/// error that turns up late is still private, and a chart comes as a multipart edit.
/// </summary>
public sealed class GatewayDeferredTests : IAsyncLifetime
{
    private static readonly GuildMember Member = new("42", "7", "555");
    private readonly KnowledgeFolder _knowledge = TestKnowledge.Create().WithFile("dated.yaml", TimelineKnowledge.Yaml);
    private readonly SlowCommands _slow = new();
    private FakeDiscord _discord = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _app = new BotApp(
            _knowledge,
            _discord,
            new() { ["Discord:Mode"] = "Gateway" },
            services => services.AddSingleton<ICommandHandler>(_slow)
        );
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        _slow.Release.TrySetResult();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _knowledge.Dispose();
    }

    private async Task<(JsonNode Callback, string Token)> DispatchAsync(string json)
    {
        var gateway = await _discord.NextConnectionAsync();
        await gateway.ReceiveAsync();
        await gateway.ReadyAsync("session-1");
        var interaction = JsonNode.Parse(json)!.AsObject();
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        var id = (string)interaction["id"]!;
        var token = (string)interaction["token"]!;
        var callback = await _discord.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback");
        return (callback.Json, token);
    }

    [Fact]
    public async Task A_slow_error_under_a_public_gateway_defer_is_replaced_by_a_private_message()
    {
        var (callback, token) = await DispatchAsync(DiscordInteraction.Command(Member, "slowfail", null));
        Assert.Equal(5, (int)callback["type"]!);
        Assert.Null(callback["data"]);

        _slow.Release.SetResult();
        var followUp = await _discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/webhooks/111222333/{token}");
        Assert.Equal(64, (int)followUp.Json["flags"]!);
        Assert.Equal("Not found", (string)followUp.Json["embeds"]![0]!["title"]!);
        Assert.Single(_discord.Requests, r => r.Method == "DELETE" && r.Path == $"/webhooks/111222333/{token}/messages/@original");
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Timeline_xai_over_the_gateway_edits_the_defer_with_the_png()
    {
        var (callback, token) = await DispatchAsync(DiscordInteraction.Command(Member, "timeline", null, ("which", "xai")));
        Assert.Equal(5, (int)callback["type"]!);

        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/111222333/{token}/messages/@original", edit.Path);
        var file = Assert.Single(edit.Files);
        Assert.True(file.IsPng);
        Assert.Equal("attachment://" + file.FileName, (string)edit.Json["embeds"]![0]!["image"]!["url"]!);
    }
}
