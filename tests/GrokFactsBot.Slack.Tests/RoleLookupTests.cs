using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Commands;
using GrokFactsBot.Slack.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Slack.Tests;

/// <summary>
/// A Web API that never answers: read commands must not notice, because they never ask it. The users.info gate is
/// never opened while the tests run and the answer budget runs on a clock that never moves, so a command that waited
/// on users.info would never answer (the client's guard fails it) instead of coming back inline.
/// </summary>
public sealed class SilentSlackApi : IAsyncLifetime
{
    public FakeSlack Slack { get; private set; } = null!;
    public SlackBotApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        Slack.UsersInfoGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        App = SlackBotApp.Start(Slack, new FakeTimeProvider(DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync()
    {
        Slack.UsersInfoGate!.TrySetResult();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

public sealed class RoleLookupTests(SilentSlackApi silent) : IClassFixture<SilentSlackApi>
{
    private static async Task<JsonObject> CommandAsync(SlackBotApp app, FakeSlack slack, string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await app.Client.SendAsync(
            SlackCommandRequest.Signed(SlackCommandRequest.Form(text, slack.ResponseUrl("r")), SlackBotApp.Secret),
            guard.Token
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static string Title(JsonObject message) =>
        message["blocks"] is JsonArray blocks
            ? blocks[0]!["text"]!["text"]!.GetValue<string>()
            : message["text"]!.GetValue<string>();

    [Theory]
    [InlineData("params grok-1", "Grok-1")]
    [InlineData("model grok-1", "Grok-1")]
    [InlineData("context grok-1", "Grok-1")]
    [InlineData("release grok-1", "Grok-1")]
    [InlineData("license grok-1 public", "Grok-1")]
    [InlineData("compare grok-1 grok1", "Grok-1")]
    [InlineData("sources grok-1", "Grok-1")]
    [InlineData("disputes", "disput")]
    [InlineData("models", "model")]
    [InlineData("ask how many parameters does grok-1 have?", "Grok-1")]
    [InlineData("grok1", "Grok-1")]
    [InlineData("help", "GrokFactsBot")]
    [InlineData("", "GrokFactsBot")]
    [InlineData("subscriptions", "")]
    [InlineData("fact", "which one")]
    public async Task Read_commands_answer_inline_while_the_web_api_does_not_answer(string text, string inTitle)
    {
        var message = await CommandAsync(silent.App, silent.Slack, text);

        Assert.NotEqual(ResponseUrlReplies.WorkingOnIt, message["text"]?.GetValue<string>());
        Assert.Contains(inTitle, Title(message), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(silent.Slack.Calls, c => c.Method == "users.info");
    }

    [Fact]
    public async Task A_curation_command_says_the_role_could_not_be_checked_when_slack_is_unreachable()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = SlackBotApp.Start(slack, Frozen(), ("Slack:ApiBaseUrl", $"http://127.0.0.1:{ClosedPort()}/api/"));

        var refused = await CommandAsync(app, slack, "fact add grok-1 license MIT https://example.com/grok-1-mit");
        var license = await CommandAsync(app, slack, "license grok-1");

        Assert.Contains(
            "Couldn't check your Slack role: Slack's API didn't answer; try again.",
            string.Join("\n", SlackJson.Texts(refused))
        );
        Assert.DoesNotContain("example.com/grok-1-mit", license.ToJsonString());
    }

    [Fact]
    public async Task A_global_admin_curates_without_a_role_check_even_when_slack_is_unreachable()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = SlackBotApp.Start(
            slack,
            Frozen(),
            ("Slack:ApiBaseUrl", $"http://127.0.0.1:{ClosedPort()}/api/"),
            ("Admins:Users:0", "slack:T1DC2JH3J/U2CERLKJA")
        );

        var added = await CommandAsync(app, slack, "fact add grok-1 license MIT https://example.com/grok-1-mit");

        Assert.StartsWith("Added claim", Title(added), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_admin_is_looked_up_once_and_then_curates_from_the_cache()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.WorkspaceAdmins["U2CERLKJA"] = true;
        await using var app = SlackBotApp.Start(slack, Frozen());

        var first = await CommandAsync(app, slack, "fact add grok-1 license MIT https://example.com/grok-1-mit");
        var second = await CommandAsync(app, slack, "fact history grok-1");
        var help = await CommandAsync(app, slack, "help");

        Assert.StartsWith("Added claim", Title(first), StringComparison.Ordinal);
        Assert.DoesNotContain("Not allowed", Title(second), StringComparison.Ordinal);
        Assert.Contains("fact add", string.Join("\n", SlackJson.Texts(help)), StringComparison.Ordinal);
        Assert.Single(slack.Calls, c => c.Method == "users.info");
    }

    [Fact]
    public async Task A_member_is_refused_curation_after_the_role_check()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var app = SlackBotApp.Start(slack, Frozen());

        var refused = await CommandAsync(app, slack, "fact add grok-1 license MIT https://example.com/grok-1-mit");

        Assert.Equal("Not allowed", Title(refused));
        Assert.Contains("workspace admin or owner", string.Join("\n", SlackJson.Texts(refused)), StringComparison.Ordinal);
        Assert.Single(slack.Calls, c => c.Method == "users.info");
    }

    private static FakeTimeProvider Frozen() => new(DateTimeOffset.UtcNow);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
