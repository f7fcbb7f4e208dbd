using System.Text.Json.Nodes;
using GrokFactsBot.Discord.Tests.Fakes;

namespace GrokFactsBot.Discord.Tests;

/// <summary>Buttons over the Gateway: the click arrives as INTERACTION_CREATE and is answered over REST.</summary>
public sealed class GatewayButtonTests : IAsyncLifetime
{
    private static readonly GuildMember Member = new("42", "7", "555");
    private readonly KnowledgeFolder _knowledge = TestKnowledge.Create();
    private FakeDiscord _discord = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _app = new BotApp(_knowledge, _discord, new() { ["Discord:Mode"] = "Gateway", ["Discord:InlineAnswerBudget"] = "00:00:02.5" });
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _knowledge.Dispose();
    }

    private async Task<JsonNode> AnswerAsync(FakeGatewayConnection gateway, string json)
    {
        var interaction = JsonNode.Parse(json)!.AsObject();
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        var id = (string)interaction["id"]!;
        var token = (string)interaction["token"]!;
        var callback = (await _discord.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/{token}/callback")).Json;
        if ((int)callback["type"]! != 5)
            return callback;
        // A busy machine missed the inline budget: the answer comes as the edit of the deferred message.
        var edit = await _discord.WaitForRequestAsync(r => r.Path == $"/webhooks/111222333/{token}/messages/@original");
        return new JsonObject { ["type"] = 4, ["data"] = edit.Json.DeepClone(), ["deferred"] = callback.DeepClone() };
    }

    [Fact]
    public async Task Sources_dispute_evidence_and_the_full_card_open_privately_from_gateway_clicks()
    {
        var gateway = await _discord.NextConnectionAsync();
        await gateway.ReceiveAsync();
        await gateway.ReadyAsync("session-1");

        var answer = await AnswerAsync(gateway, DiscordInteraction.Command(Member, "params", null, ("model", "grok-1")));
        Assert.Equal(4, (int)answer["type"]!);
        var buttons = DiscordInteraction.Buttons(answer["data"]!);

        foreach (var (label, title) in new[] { ("Sources", "Grok-1: sources"), ("Why disputed?", "Grok-1: disputes"), ("Full card", "Grok-1") })
        {
            var opened = await AnswerAsync(gateway, DiscordInteraction.Click(Member, buttons[label]));
            Assert.Equal((4, 64), ((int)opened["type"]!, (int)opened["data"]!["flags"]!));
            Assert.StartsWith(title, (string)opened["data"]!["embeds"]![0]!["title"]!, StringComparison.Ordinal);
        }
    }
}
