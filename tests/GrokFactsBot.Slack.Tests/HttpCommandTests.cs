using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Http;
using GrokFactsBot.Slack.Tests.Fakes;

namespace GrokFactsBot.Slack.Tests;

/// <summary>The slash command over HTTP, end to end through the real app on Kestrel against a fake Slack.</summary>
public sealed class HttpCommandTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = SlackBotApp.Start(_slack);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static string Form(string text, string responseUrl) => SlackCommandRequest.Form(text, responseUrl);

    private static HttpRequestMessage Signed(string body, string secret = SlackBotApp.Secret, long? timestamp = null) =>
        SlackCommandRequest.Signed(body, secret, timestamp);

    private async Task<JsonObject> CommandAsync(string text)
    {
        using var response = await _app.Client.SendAsync(Signed(Form(text, _slack.ResponseUrl("r1"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Answers_a_command_inline_with_cited_dispute_marked_blocks()
    {
        var message = await CommandAsync("params grok-1");

        Assert.Equal("in_channel", message["response_type"]!.GetValue<string>());
        var text = string.Join("\n", SlackJson.Texts(message["blocks"]));
        Assert.StartsWith("*Grok-1: ", text, StringComparison.Ordinal);
        Assert.Contains("sources disagree", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("<https://x.ai/news/grok-os|xAI, 17 Mar 2024>", text);
        Assert.Contains("Rumour &amp; Co", text);
        Assert.DoesNotContain("<!channel>", text);
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "users.info");
        Assert.Equal(1, _app.Metrics.Total("grokfacts.commands.answered"));
    }

    [Theory]
    [InlineData("params grok-1 public", "in_channel", "Grok-1")]
    [InlineData("params grok-1 private", "ephemeral", "Grok-1")]
    [InlineData("grok1", "in_channel", "Grok-1")]
    [InlineData("how many parameters does grok-1 have?", "in_channel", "Grok-1")]
    [InlineData("", "ephemeral", "GrokFactsBot")]
    [InlineData("params no-such-model public", "ephemeral", "Not in the knowledge base")]
    public async Task Runs_the_shared_text_command(string text, string responseType, string expectedInTitle)
    {
        var message = await CommandAsync(text);

        Assert.Equal(responseType, message["response_type"]!.GetValue<string>());
        Assert.Contains(
            expectedInTitle,
            message["blocks"]![0]!["text"]!["text"]!.GetValue<string>(),
            StringComparison.OrdinalIgnoreCase
        );
    }

    [Fact]
    public async Task Refuses_bad_signatures_and_counts_them()
    {
        var body = Form("params grok-1", _slack.ResponseUrl("r1"));
        using var wrongSecret = await _app.Client.SendAsync(Signed(body, secret: "not-the-secret"));
        using var stale = await _app.Client.SendAsync(
            Signed(body, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds())
        );
        using var future = await _app.Client.SendAsync(
            Signed(body, timestamp: DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds())
        );
        var tampered = Signed(body);
        tampered.Content = new StringContent(
            body.Replace("params", "compare", StringComparison.Ordinal),
            Encoding.UTF8,
            "application/x-www-form-urlencoded"
        );
        using var tamperedResponse = await _app.Client.SendAsync(tampered);

        Assert.All(
            [wrongSecret, stale, future, tamperedResponse],
            r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode)
        );
        Assert.Equal(4, _app.Metrics.Total("grokfacts.signature.failures"));
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task Answers_ssl_check_without_a_signature()
    {
        using var response = await _app.Client.PostAsync(
            SlackCommandEndpoint.Path,
            new StringContent("ssl_check=1&token=x", Encoding.UTF8, "application/x-www-form-urlencoded")
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Gives_clear_statuses_for_requests_that_are_not_slash_commands()
    {
        using var tooLarge = await _app.Client.SendAsync(
            Signed(Form(new string('x', 40_000), _slack.ResponseUrl("r")))
        );
        using var notForm = await _app.Client.PostAsync(
            SlackCommandEndpoint.Path,
            new StringContent("{}", Encoding.UTF8, "application/json")
        );
        using var missingFields = await _app.Client.SendAsync(Signed("team_id=T1&text=hi"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingFields.StatusCode);
        Assert.Equal(
            "Not a Slack slash command: missing user_id, command, response_url.",
            await missingFields.Content.ReadAsStringAsync()
        );
    }
}
