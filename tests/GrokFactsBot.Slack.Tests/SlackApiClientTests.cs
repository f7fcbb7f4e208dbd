using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Slack.Tests.Fakes;
using GrokFactsBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.Tests;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private ServiceProvider _metrics = null!;
    private SlackApiClient _api = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _metrics = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().BuildServiceProvider();
        _http = new HttpClient { BaseAddress = new Uri(_slack.ApiBaseUrl) };
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-test", ApiBaseUrl = _slack.ApiBaseUrl });
        _api = new SlackApiClient(
            _http,
            options,
            _metrics.GetRequiredService<BotMetrics>(),
            TimeProvider.System,
            NullLogger<SlackApiClient>.Instance
        );
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _metrics.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static Answer Update =>
        Answer.Message(AnswerKind.Facts, "Grok-5 announced", "xAI announced Grok-5 <!channel>");

    [Fact]
    public async Task Posts_json_with_the_bot_token_in_the_header_only()
    {
        var publisher = new SlackChannelPublisher(_api, new ChannelPacer(TimeProvider.System));
        var result = await publisher.PublishAsync(
            new ChannelAddress(Platform.Slack, "C42", "slack:T1"),
            Update,
            "u1:C42",
            CancellationToken.None
        );

        Assert.Equal(PublishOutcome.Delivered, result.Outcome);
        var call = Assert.Single(_slack.Calls);
        Assert.Equal(
            ("chat.postMessage", "POST", "Bearer xoxb-test", "application/json; charset=utf-8"),
            (call.Method, call.HttpMethod, call.Authorization, call.ContentType)
        );
        var body = JsonNode.Parse(call.Body)!.AsObject();
        Assert.Equal("C42", body["channel"]!.GetValue<string>());
        Assert.DoesNotContain("xoxb-test", call.Body);
        Assert.DoesNotContain("<!channel>", call.Body);
        Assert.NotEmpty(body["blocks"]!.AsArray());
    }

    [Theory]
    [InlineData("not_in_channel", PublishOutcome.Forbidden)]
    [InlineData("is_archived", PublishOutcome.Forbidden)]
    [InlineData("channel_not_found", PublishOutcome.ChannelGone)]
    [InlineData("invalid_auth", PublishOutcome.Forbidden)]
    [InlineData("ratelimited", PublishOutcome.RetryLater)]
    [InlineData("internal_error", PublishOutcome.RetryLater)]
    public async Task Maps_slack_errors_to_publish_outcomes(string error, PublishOutcome expected)
    {
        _slack.Script("chat.postMessage", new ScriptedReply(200, new JsonObject { ["ok"] = false, ["error"] = error }));
        var publisher = new SlackChannelPublisher(_api, new ChannelPacer(TimeProvider.System));

        var result = await publisher.PublishAsync(
            new ChannelAddress(Platform.Slack, "C1", null),
            Update,
            "k",
            CancellationToken.None
        );

        Assert.Equal((expected, error), (result.Outcome, result.Detail));
    }

    [Fact]
    public async Task Honours_a_short_retry_after_and_retries_once()
    {
        _slack.Script(
            "chat.postMessage",
            new ScriptedReply(429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, RetryAfterSeconds: 0)
        );

        var result = await _api.PostAsync(
            "chat.postMessage",
            new JsonObject { ["channel"] = "C1", ["text"] = "hi" },
            CancellationToken.None
        );

        Assert.True(result.Ok);
        Assert.Equal(2, _slack.Calls.Count);
    }

    [Fact]
    public async Task Hands_a_long_retry_after_back_to_the_caller()
    {
        _slack.Script(
            "chat.postMessage",
            new ScriptedReply(429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, RetryAfterSeconds: 30)
        );
        var publisher = new SlackChannelPublisher(_api, new ChannelPacer(TimeProvider.System));

        var result = await publisher.PublishAsync(
            new ChannelAddress(Platform.Slack, "C1", null),
            Update,
            "k",
            CancellationToken.None
        );

        Assert.Equal((PublishOutcome.RetryLater, TimeSpan.FromSeconds(30)), (result.Outcome, result.RetryAfter));
        Assert.Single(_slack.Calls);
    }

    [Fact]
    public async Task Server_errors_are_retry_later_not_exceptions()
    {
        _slack.Script("chat.postMessage", new ScriptedReply(503, new JsonObject { ["ok"] = false }));

        var result = await _api.PostAsync("chat.postMessage", [], CancellationToken.None);

        Assert.Equal(SlackErrorKind.ServerError, result.Error!.Kind);
    }

    private Commands.SlackCallerFactory Callers(string globalAdmin = "", TimeProvider? time = null) =>
        new(
            _api,
            Options.Create(new Core.Admin.AdminOptions { Users = [globalAdmin] }),
            time ?? TimeProvider.System,
            NullLogger<Commands.SlackCallerFactory>.Instance
        );

    private static Commands.SlashCommand Command(string user) =>
        new("T1", user, "someone", "C1", "/grokfacts", "help", new Uri("https://hooks.example/r"));

    [Theory]
    [InlineData("UADMIN", "", true, false)]
    [InlineData("UMEMBER", "", false, false)]
    [InlineData("UMEMBER", "slack:T1/UMEMBER", false, true)]
    public async Task Asks_users_info_once_for_workspace_admins_and_reads_global_admins_from_settings(
        string user,
        string globalAdmin,
        bool serverAdmin,
        bool isGlobalAdmin
    )
    {
        _slack.WorkspaceAdmins["UADMIN"] = true;
        var callers = Callers(globalAdmin);
        var command = Command(user);

        var known = callers.Known(command);
        var (first, _) = await callers.WithRoleAsync(command, CancellationToken.None);
        var (second, _) = await callers.WithRoleAsync(command, CancellationToken.None);

        Assert.Equal((false, isGlobalAdmin), (known.IsServerAdmin, known.IsGlobalAdmin));
        Assert.Equal(
            (serverAdmin, isGlobalAdmin, true),
            (first!.IsServerAdmin, first.IsGlobalAdmin, first.CanManageChannels)
        );
        Assert.Equal(($"slack:T1/{user}", "slack:T1", Platform.Slack), (first.UserId, first.Scope, first.Platform));
        Assert.Equal(first, second);
        Assert.Equal(first, callers.Known(command));
        Assert.Single(_slack.Calls, c => c.Method == "users.info");
    }

    [Fact]
    public async Task A_role_check_that_slack_never_answers_gives_up_after_the_lookup_timeout()
    {
        _slack.UsersInfoGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var callers = Callers(time: time);

        var check = callers.WithRoleAsync(Command("UADMIN"), CancellationToken.None);
        await _slack.NextCallAsync("users.info");
        time.Advance(Commands.SlackCallerFactory.LookupTimeout);
        var (caller, problem) = await check;
        _slack.UsersInfoGate.SetResult();

        Assert.Null(caller);
        Assert.Equal((SlackErrorKind.Unreachable, "timed out"), (problem!.Kind, problem.Code));
    }

    [Fact]
    public async Task A_failed_role_check_is_not_cached()
    {
        _slack.Script("users.info", new ScriptedReply(503, new JsonObject { ["ok"] = false }));
        _slack.WorkspaceAdmins["UADMIN"] = true;
        var callers = Callers();

        var (failed, problem) = await callers.WithRoleAsync(Command("UADMIN"), CancellationToken.None);
        var (retried, _) = await callers.WithRoleAsync(Command("UADMIN"), CancellationToken.None);

        Assert.Equal((null, SlackErrorKind.ServerError), (failed, problem!.Kind));
        Assert.True(retried!.IsServerAdmin);
    }

    [Theory]
    [InlineData(SlackErrorKind.Unreachable, "timed out", null, "Slack's API didn't answer; try again.")]
    [InlineData(SlackErrorKind.ServerError, "HTTP 503", null, "Slack's API didn't answer; try again.")]
    [InlineData(SlackErrorKind.RateLimited, "ratelimited", 30, "Slack asked us to slow down; try again in 30 s.")]
    [InlineData(SlackErrorKind.MissingScope, "missing_scope", null, "reinstall it with users:read")]
    [InlineData(SlackErrorKind.InvalidAuth, "invalid_auth", null, "check Slack:BotToken")]
    [InlineData(SlackErrorKind.Other, "fatal_oops", null, "Slack answered fatal_oops; try again.")]
    public void Says_why_a_role_could_not_be_checked(SlackErrorKind kind, string code, int? retryAfter, string says)
    {
        var error = new SlackApiError(kind, code, retryAfter is { } s ? TimeSpan.FromSeconds(s) : null);

        var answer = Commands.SlackRoleProblem.Answer(error);

        Assert.Equal(AnswerKind.Refused, answer.Kind);
        Assert.StartsWith("Couldn't check your Slack role: ", answer.Headline, StringComparison.Ordinal);
        Assert.Contains(says, answer.Headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, new[] { 0.0, 1.0, 2.0 })]
    [InlineData(new[] { 0.0, 0.5, 3.0 }, new[] { 0.0, 0.5, 0.0 })]
    [InlineData(new[] { 0.0, 1.0, 2.0 }, new[] { 0.0, 0.0, 0.0 })]
    public void Paces_posts_to_one_per_second_per_channel(double[] requestedAt, double[] expectedWaits)
    {
        var pacer = new ChannelPacer(TimeProvider.System);
        var start = DateTimeOffset.UnixEpoch;
        var waits = requestedAt.Select(s => pacer.Reserve("C1", start.AddSeconds(s)).TotalSeconds).ToArray();
        Assert.Equal(expectedWaits, waits);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("C2", start));
    }
}
