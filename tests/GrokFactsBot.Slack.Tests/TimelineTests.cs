using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Tests.Fakes;

namespace GrokFactsBot.Slack.Tests;

/// <summary>
/// /grokfacts timeline shares its chart in the channel: the command is acked privately, then the PNG goes through
/// files.getUploadURLExternal, the upload URL and files.completeUploadExternal with the answer's blocks.
/// </summary>
public sealed class TimelineTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(30));
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _guard.Dispose();
    }

    private SlackBotApp Start(params (string Key, string Value)[] settings) =>
        SlackBotApp.Start(_slack, null, [("dated.yaml", TimelineKnowledge.Yaml)], settings);

    private async Task<JsonNode> PostCommandAsync(SlackBotApp app, string text, string channel = "C1")
    {
        using var request = SlackCommandRequest.Signed(
            SlackCommandRequest.Form(text, _slack.ResponseUrl("r"), channel: channel),
            SlackBotApp.Secret
        );
        using var response = await app.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task AssertChartSharedInAsync(string channel)
    {
        var ticket = await _slack.NextCallAsync("files.getUploadURLExternal");
        Assert.Equal("Bearer xoxb-test", ticket.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", ticket.ContentType, StringComparison.Ordinal);
        Assert.Contains("filename=timeline-xai.png", ticket.Body, StringComparison.Ordinal);
        var upload = await _slack.Uploads.Reader.ReadAsync(_guard.Token);
        Assert.True(upload.IsPng);
        Assert.Contains($"length={upload.Bytes.Length}", ticket.Body, StringComparison.Ordinal);

        var complete = JsonNode.Parse((await _slack.NextCallAsync("files.completeUploadExternal")).Body)!;
        Assert.Equal(upload.FileId, (string)complete["files"]![0]!["id"]!);
        Assert.Equal(channel, (string)complete["channel_id"]!);
        Assert.StartsWith("*Timeline of xAI", (string)complete["blocks"]![0]!["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_xai_over_http_shares_a_png_in_the_channel()
    {
        await using var app = Start();

        var ack = await PostCommandAsync(app, "timeline xai", channel: "C77");

        Assert.Equal("ephemeral", (string)ack["response_type"]!);
        await AssertChartSharedInAsync("C77");
        Assert.False(_slack.Responses.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Timeline_xai_over_socket_mode_shares_a_png_in_the_channel()
    {
        await using var app = Start(("Slack:Mode", "SocketMode"), ("Slack:AppToken", "xapp-test"), ("Slack:SigningSecret", ""));
        var socket = await _slack.Sockets.Reader.ReadAsync(_guard.Token);

        await socket.SendSlashCommandAsync("env-chart", "timeline xai", _slack.ResponseUrl("r"));
        var ack = await socket.Acks.Reader.ReadAsync(_guard.Token);

        Assert.Equal("ephemeral", (string)ack["payload"]!["response_type"]!);
        await AssertChartSharedInAsync("C1");
    }

    [Fact]
    public async Task A_channel_the_bot_is_not_in_gets_the_answer_privately_with_the_fix()
    {
        _slack.Script("files.completeUploadExternal", new ScriptedReply(200, new() { ["ok"] = false, ["error"] = "not_in_channel" }));
        await using var app = Start();

        await PostCommandAsync(app, "timeline xai");
        var (_, answer) = await _slack.Responses.Reader.ReadAsync(_guard.Token);

        Assert.Equal("ephemeral", (string)answer["response_type"]!);
        var text = string.Join("\n", SlackJson.Texts(answer["blocks"]));
        Assert.Contains("Timeline of xAI", text, StringComparison.Ordinal);
        Assert.Contains("isn't a member of this channel", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_timeline_stays_text_and_says_why()
    {
        await using var app = Start();

        var ack = await PostCommandAsync(app, "timeline xai private");

        Assert.Equal("ephemeral", (string)ack["response_type"]!);
        Assert.Contains("ask without `private`", string.Join("\n", SlackJson.Texts(ack["blocks"])), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.Calls, c => c.Method.StartsWith("files.", StringComparison.Ordinal));
    }
}
