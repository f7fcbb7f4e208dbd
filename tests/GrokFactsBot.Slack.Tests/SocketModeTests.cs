using System.Net;
using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrokFactsBot.Slack.Tests;

/// <summary>
/// Socket Mode end to end: the real app connects to the fake's WebSocket server and answers envelopes.
/// </summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotApp _app = null!;
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(30));

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = SlackBotApp.Start(
            _slack,
            ("Slack:Mode", "SocketMode"),
            ("Slack:AppToken", "xapp-test"),
            ("Slack:SigningSecret", "")
        );
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
        _guard.Dispose();
    }

    private Task<FakeSocket> NextSocketAsync() => _slack.Sockets.Reader.ReadAsync(_guard.Token).AsTask();

    [Fact]
    public async Task Opens_two_connections_with_the_app_token_in_the_header_and_answers_in_the_ack()
    {
        var first = await NextSocketAsync();
        await NextSocketAsync();
        await first.SendSlashCommandAsync("env-1", "params grok-1", _slack.ResponseUrl("r"));
        var ack = await first.Acks.Reader.ReadAsync(_guard.Token);

        var open = _slack.Calls.Where(c => c.Method == "apps.connections.open").ToList();
        Assert.Equal(2, open.Count);
        Assert.All(open, c => Assert.Equal("Bearer xapp-test", c.Authorization));
        Assert.All(open, c => Assert.DoesNotContain("xapp-test", c.Body));
        Assert.Equal("env-1", ack["envelope_id"]!.GetValue<string>());
        Assert.Contains("*Grok-1: sources disagree", ack["payload"]!["blocks"]!.ToJsonString());
        Assert.Equal("in_channel", ack["payload"]!["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Is_ready_only_while_a_connection_to_slack_is_open()
    {
        var socket = await NextSocketAsync();
        await socket.SendSlashCommandAsync("env-r", "help", _slack.ResponseUrl("r"));
        await socket.Acks.Reader.ReadAsync(_guard.Token);

        using var response = await _app.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("slack-socket-mode", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Acks_at_once_and_uses_response_url_when_the_ack_cannot_carry_the_answer()
    {
        var socket = await NextSocketAsync();
        await socket.SendSlashCommandAsync("env-2", "grok1 public", _slack.ResponseUrl("r2"), acceptsPayload: false);
        var ack = await socket.Acks.Reader.ReadAsync(_guard.Token);
        var (id, answer) = await _slack.Responses.Reader.ReadAsync(_guard.Token);

        Assert.Equal(new JsonObject { ["envelope_id"] = "env-2" }.ToJsonString(), ack.ToJsonString());
        Assert.Equal(("r2", "in_channel"), (id, answer["response_type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Refuses_http_commands_when_no_signing_secret_is_configured()
    {
        using var response = await _app.Client.SendAsync(
            SlackCommandRequest.Signed(SlackCommandRequest.Form("help", _slack.ResponseUrl("r")), SlackBotApp.Secret)
        );
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _app.Metrics.Total("grokfacts.signature.failures"));
    }

    [Fact]
    public async Task A_refresh_and_a_drop_under_load_lose_no_envelope()
    {
        var live = new List<FakeSocket> { await NextSocketAsync(), await NextSocketAsync() };
        var sentOn = new Dictionary<string, FakeSocket>();
        var acks = new List<JsonObject>();
        async Task SendAsync(int n, FakeSocket socket)
        {
            var id = $"load-{n}";
            sentOn[id] = socket;
            await socket.SendSlashCommandAsync(id, n % 2 == 0 ? "params grok-1" : "grok1", _slack.ResponseUrl(id));
        }
        async Task<List<JsonObject>> DrainAsync(FakeSocket socket)
        {
            await socket.Closed.Task.WaitAsync(_guard.Token);
            var drained = new List<JsonObject>();
            await foreach (var ack in socket.Acks.Reader.ReadAllAsync(_guard.Token))
                drained.Add(ack);
            return drained;
        }

        for (var n = 0; n < 20; n++)
            await SendAsync(n, live[n % 2]);
        var refreshed = live[0];
        await refreshed.SendDisconnectAsync("refresh_requested");
        for (var n = 20; n < 25; n++)
            await SendAsync(n, refreshed); // still in flight on the old socket: must be acked there
        live[0] = await NextSocketAsync();
        for (var n = 25; n < 40; n++)
            await SendAsync(n, live[n % 2]);
        var dropped = live[1];
        dropped.Drop();
        acks.AddRange(await DrainAsync(dropped));
        live[1] = await NextSocketAsync();

        // Slack redelivers what the dropped socket never acked, on a live connection.
        var ackedOnDropped = acks.Select(a => a["envelope_id"]!.GetValue<string>()).ToHashSet();
        var redeliver = sentOn
            .Where(s => s.Value == dropped && !ackedOnDropped.Contains(s.Key))
            .Select(s => s.Key)
            .ToList();
        foreach (var id in redeliver)
            await live[1].SendSlashCommandAsync(id, "grok1", _slack.ResponseUrl(id));
        for (var n = 40; n < 60; n++)
            await SendAsync(n, live[n % 2]);

        var expectedOn = sentOn.Keys.GroupBy(id => redeliver.Contains(id) ? live[1] : sentOn[id]).ToList();
        foreach (var group in expectedOn.Where(g => g.Key != dropped))
            for (var i = 0; i < group.Count(); i++)
                acks.Add(await group.Key.Acks.Reader.ReadAsync(_guard.Token));

        var perEnvelope = acks.GroupBy(a => a["envelope_id"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(sentOn.Keys.Order(), perEnvelope.Keys.Order());
        Assert.All(perEnvelope.Values, list => Assert.Single(list));
        Assert.All(
            perEnvelope.Values,
            list => Assert.Contains("Grok-1", list[0]["payload"]!["blocks"]!.ToJsonString())
        );
        Assert.True(_app.Metrics.Total("grokfacts.connection.reconnects") >= 2);
    }

    [Fact]
    public async Task Link_disabled_stops_the_bot_with_a_clear_error()
    {
        var stopping = new TaskCompletionSource();
        _app.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.Register(() => stopping.TrySetResult());
        var socket = await NextSocketAsync();

        await socket.SendDisconnectAsync("link_disabled");
        await stopping.Task.WaitAsync(_guard.Token);

        Assert.Equal(1, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public async Task A_button_click_envelope_is_acked_and_answered_once_on_its_response_url()
    {
        var socket = await NextSocketAsync();
        await NextSocketAsync();
        await socket.SendSlashCommandAsync("env-cmd", "params grok-1", _slack.ResponseUrl("cmd"));
        var ack = await socket.Acks.Reader.ReadAsync(_guard.Token);
        var buttons = SlackInteractionRequest.Buttons(ack["payload"]!);
        Assert.Equal(["Sources", "Why disputed?", "Full card"], buttons.Keys);

        foreach (var (label, title) in new[] { ("Sources", "Grok-1: sources"), ("Why disputed?", "Grok-1: disputes"), ("Full card", "Grok-1") })
        {
            var envelope = "env-" + label.TrimEnd('?').Replace(' ', '-').ToLowerInvariant();
            var click = SlackInteractionRequest.BlockActions(buttons[label], _slack.ResponseUrl(envelope));
            await socket.SendInteractiveAsync(envelope, click);
            await socket.SendInteractiveAsync(envelope, click);

            var clickAck = await socket.Acks.Reader.ReadAsync(_guard.Token);
            Assert.Equal(envelope, clickAck["envelope_id"]!.GetValue<string>());
            Assert.Null(clickAck["payload"]);
            var (id, opened) = await _slack.Responses.Reader.ReadAsync(_guard.Token);
            Assert.Equal((envelope, "ephemeral"), (id, (string)opened["response_type"]!));
            Assert.StartsWith(title, (string)opened["blocks"]![0]!["text"]!["text"]!, StringComparison.Ordinal);
            // The redelivered envelope is acked again but answered no second time.
            await socket.Acks.Reader.ReadAsync(_guard.Token);
        }
        Assert.False(_slack.Responses.Reader.TryRead(out _));
    }
}
