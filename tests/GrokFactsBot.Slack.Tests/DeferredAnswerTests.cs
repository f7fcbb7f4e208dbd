using System.Net;
using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Commands;
using GrokFactsBot.Slack.Tests.Fakes;

namespace GrokFactsBot.Slack.Tests;

/// <summary>
/// When the answer is not ready within the budget, Slack gets a short ack and the answer goes to response_url.
/// </summary>
public sealed class DeferredAnswerTests
{
    [Fact]
    public async Task Acks_in_time_then_posts_the_answer_to_response_url()
    {
        await using var slack = await FakeSlack.StartAsync();
        // Only a command that needs the caller's role waits on Slack: a workspace admin's curation command.
        slack.WorkspaceAdmins["U2CERLKJA"] = true;
        slack.UsersInfoGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = SlackBotApp.Start(slack, ("Slack:AnswerBudget", "00:00:00.200"));

        using var response = await app.Client.SendAsync(
            SlackCommandRequest.Signed(
                SlackCommandRequest.Form("fact history grok-1 public", slack.ResponseUrl("late")),
                SlackBotApp.Secret
            )
        );
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        slack.UsersInfoGate.SetResult();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (id, late) = await slack.Responses.Reader.ReadAsync(guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ("ephemeral", ResponseUrlReplies.WorkingOnIt),
            (ack["response_type"]!.GetValue<string>(), ack["text"]!.GetValue<string>())
        );
        Assert.Equal(("late", "in_channel"), (id, late["response_type"]!.GetValue<string>()));
        Assert.Contains("history", late["blocks"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
