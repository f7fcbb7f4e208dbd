using System.Text.Json.Nodes;
using GrokFactsBot.Discord.Tests.Fakes;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// Buttons under answers, end to end over HTTP: each opens its answer for the clicker alone; lists turn pages;
/// altered ids get a clear note.
/// </summary>
public sealed class ButtonTests : IAsyncLifetime
{
    private static readonly GuildMember Member = new("42", "7", "555");
    private readonly KnowledgeFolder _knowledge = TestKnowledge.Create().WithFile("many.yaml", ManyModels(20));
    private readonly Signer _signer = new();
    private FakeDiscord _discord = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _app = new BotApp(_knowledge, _discord, new() { ["Discord:PublicKey"] = _signer.PublicKeyHex, ["Discord:InlineAnswerBudget"] = "00:00:02.5" });
        _client = _app.Kestrel();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
        _knowledge.Dispose();
    }

    private async Task<JsonNode> PostAsync(string json)
    {
        using var response = await _client.SendAsync(DiscordInteraction.Signed(_signer, json));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<IReadOnlyDictionary<string, string>> ButtonsOfAsync(string command, params (string, string)[] options)
    {
        var answer = await PostAsync(DiscordInteraction.Command(Member, command, null, options));
        Assert.Null(answer["data"]!["flags"]);
        return DiscordInteraction.Buttons(answer["data"]!);
    }

    [Theory]
    [InlineData("Sources", "Grok-1: sources")]
    [InlineData("Why disputed?", "Grok-1: disputes")]
    [InlineData("Full card", "Grok-1")]
    public async Task A_button_under_a_public_answer_opens_its_answer_for_the_clicker_alone(string label, string title)
    {
        var buttons = await ButtonsOfAsync("params", ("model", "grok1"));
        Assert.Equal(["Sources", "Why disputed?", "Full card"], buttons.Keys);
        Assert.All(buttons.Values, id => Assert.InRange(id.Length, 1, 100));

        var opened = await PostAsync(DiscordInteraction.Click(Member, buttons[label]));

        Assert.Equal(4, (int)opened["type"]!);
        Assert.Equal(64, (int)opened["data"]!["flags"]!);
        Assert.Empty(opened["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        var embed = opened["data"]!["embeds"]![0]!;
        Assert.StartsWith(title, (string)embed["title"]!, StringComparison.Ordinal);
        var text = embed.ToJsonString();
        if (label == "Why disputed?")
        {
            Assert.Contains("400B", text, StringComparison.Ordinal);
            Assert.Contains("314B", text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_button_id_gets_a_clear_private_note_and_runs_nothing()
    {
        var buttons = await ButtonsOfAsync("params", ("model", "grok1"));
        var altered = buttons["Sources"].Replace("sources", "disputes", StringComparison.Ordinal);

        var answer = await PostAsync(DiscordInteraction.Click(Member, altered));

        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Equal("This button can't be used", (string)answer["data"]!["embeds"]![0]!["title"]!);
    }

    [Fact]
    public async Task A_long_list_turns_pages_privately_then_in_place()
    {
        var first = await ButtonsOfAsync("models");
        Assert.Equal(["Next"], first.Keys);

        var second = await PostAsync(DiscordInteraction.Click(Member, first["Next"]));
        Assert.Equal((4, 64), ((int)second["type"]!, (int)second["data"]!["flags"]!));
        Assert.Contains("page 2 of", (string)second["data"]!["embeds"]![0]!["title"]!, StringComparison.Ordinal);
        var turns = DiscordInteraction.Buttons(second["data"]!);
        Assert.Equal(["Previous", "Next"], turns.Keys);

        var third = await PostAsync(DiscordInteraction.Click(Member, turns["Next"], onEphemeral: true));
        Assert.Equal(7, (int)third["type"]!);
        Assert.Null(third["data"]!["flags"]);
        Assert.Contains("page 3 of", (string)third["data"]!["embeds"]![0]!["title"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_option_keeps_the_answer_and_its_buttons_to_the_asker()
    {
        var answer = await PostAsync(
            DiscordInteraction.Command(Member, "license", null, ("model", "grok-1")).Replace(
                "\"value\":\"grok-1\"}",
                "\"value\":\"grok-1\"},{\"name\":\"private\",\"type\":5,\"value\":true}",
                StringComparison.Ordinal
            )
        );
        Assert.Equal(64, (int)answer["data"]!["flags"]!);
        Assert.Contains("Apache-2.0", answer["data"]!["embeds"]![0]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(DiscordInteraction.Buttons(answer["data"]!));
    }

    private static string ManyModels(int count) =>
        "models:\n"
        + string.Concat(
            Enumerable
                .Range(1, count)
                .Select(i =>
                    $"  - id: test-model-{i:00}\n    name: Test Model {i:00}\n    developer: Test Lab\n    status: announced\n"
                )
        );
}
