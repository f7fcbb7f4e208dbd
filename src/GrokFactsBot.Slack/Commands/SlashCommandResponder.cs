using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// Slack's 3-second rule in one place: answer inline when the answer is ready within the budget, otherwise
/// acknowledge with a short ephemeral note and send the answer to response_url when it is done.
/// </summary>
public sealed class SlashCommandResponder(
    SlackCommandHandler handler,
    ResponseUrlReplies replies,
    IOptions<SlackOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time
)
{
    public static readonly SlackMessage WorkingOnIt = SlackMessage.Plain(ResponseUrlReplies.WorkingOnIt);

    /// <summary>
    /// Starts answering off the caller's thread, so a receive loop or request thread never runs a command.
    /// </summary>
    public Task<SlackMessage> Start(SlashCommand command) =>
        Task.Run(() => handler.AnswerAsync(command, lifetime.ApplicationStopping));

    /// <summary>The answer if it is ready within the budget, otherwise null.</summary>
    public async Task<SlackMessage?> WithinBudgetAsync(Task<SlackMessage> answer)
    {
        try
        {
            return await answer.WaitAsync(options.Value.AnswerBudget, time);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void DeliverLater(Task<SlackMessage> answer, Uri responseUrl) => replies.Deliver(answer, responseUrl);

    public async Task<SlackMessage> RespondAsync(SlashCommand command)
    {
        var answer = Start(command);
        // A chart is shared in the channel as a file, which no command response can carry.
        if (await WithinBudgetAsync(answer) is { Chart: null } ready)
            return ready;
        DeliverLater(answer, command.ResponseUrl);
        return WorkingOnIt;
    }
}
