using GrokFactsBot.Core.Answers;
using GrokFactsBot.Slack.WebApi;

namespace GrokFactsBot.Slack.Commands;

/// <summary>What a command that needs a workspace role says when Slack could not tell us the caller's role.</summary>
public static class SlackRoleProblem
{
    public static Answer Answer(SlackApiError error) =>
        Core.Answers.Answer.Message(
            AnswerKind.Refused,
            "Role not checked",
            $"Couldn't check your Slack role: {Reason(error)}"
        );

    public static string Reason(SlackApiError error) =>
        error.Kind switch
        {
            SlackErrorKind.Unreachable or SlackErrorKind.ServerError => "Slack's API didn't answer; try again.",
            SlackErrorKind.RateLimited => error.RetryAfter is { } wait
                ? $"Slack asked us to slow down; try again in {Math.Ceiling(wait.TotalSeconds):0} s."
                : "Slack asked us to slow down; try again in a minute.",
            SlackErrorKind.MissingScope =>
                "the app lacks the users:read scope; a workspace admin needs to reinstall it with users:read.",
            SlackErrorKind.InvalidAuth =>
                "Slack refused the bot's token; whoever runs the bot needs to check Slack:BotToken.",
            SlackErrorKind.UserNotFound => "Slack doesn't know your user in this workspace; try again.",
            _ => $"Slack answered {error.Code}; try again.",
        };
}
