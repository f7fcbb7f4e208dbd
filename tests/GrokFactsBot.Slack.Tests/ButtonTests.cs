using System.Net;
using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Slack.Tests;

/// <summary>
/// Block Kit buttons end to end over HTTP: a click on /slack/interactions (signed like a command) is acked at once
/// and answered ephemerally on its response_url.
/// </summary>
public sealed class ButtonTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotApp _app = null!;
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(30));

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        // The answer budget on a test clock: the command is answered inline however slow the machine is.
        _app = SlackBotApp.Start(_slack, new FakeTimeProvider(DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
        _guard.Dispose();
    }

    private async Task<IReadOnlyDictionary<string, string>> ButtonsOfAsync(string text)
    {
        using var response = await _app.Client.SendAsync(
            SlackCommandRequest.Signed(SlackCommandRequest.Form(text, _slack.ResponseUrl("cmd")), SlackBotApp.Secret)
        );
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("in_channel", (string)message["response_type"]!);
        return SlackInteractionRequest.Buttons(message);
    }

    private async Task<JsonObject> ClickAsync(string value, string responseId)
    {
        var payload = SlackInteractionRequest.BlockActions(value, _slack.ResponseUrl(responseId));
        using var response = await _app.Client.SendAsync(SlackInteractionRequest.Signed(payload, SlackBotApp.Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var (id, body) = await _slack.Responses.Reader.ReadAsync(_guard.Token);
        Assert.Equal(responseId, id);
        return body;
    }

    [Theory]
    [InlineData("Sources", "Grok-1: sources")]
    [InlineData("Why disputed?", "Grok-1: disputes")]
    [InlineData("Full card", "Grok-1")]
    public async Task A_button_opens_its_answer_ephemerally_on_the_response_url(string label, string title)
    {
        var buttons = await ButtonsOfAsync("params grok-1");
        Assert.Equal(["Sources", "Why disputed?", "Full card"], buttons.Keys);

        var opened = await ClickAsync(buttons[label], "click");

        Assert.Equal("ephemeral", (string)opened["response_type"]!);
        Assert.False((bool)opened["replace_original"]!);
        Assert.StartsWith(title, (string)opened["blocks"]![0]!["text"]!["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackJson.Texts(opened), t => t.Contains("<!channel>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_click_with_a_bad_signature_gets_401_and_does_nothing()
    {
        var buttons = await ButtonsOfAsync("params grok-1");
        var payload = SlackInteractionRequest.BlockActions(buttons["Sources"], _slack.ResponseUrl("x"));
        using var response = await _app.Client.SendAsync(SlackInteractionRequest.Signed(payload, "wrong-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_altered_button_value_gets_a_clear_ephemeral_note()
    {
        var buttons = await ButtonsOfAsync("params grok-1");
        var note = await ClickAsync(buttons["Sources"] + "x", "altered");
        Assert.Equal("ephemeral", (string)note["response_type"]!);
        Assert.Contains("This button can", (string)note["blocks"]![0]!["text"]!["text"]!, StringComparison.Ordinal);
    }
}
