using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// One handler for both transports: the command text goes through the shared text runner (command, bare model name,
/// or question) and comes back as Block Kit, in the channel or ephemeral by the one visibility rule.
/// </summary>
public sealed class SlackCommandHandler(
    Replies replies,
    SlackCallerFactory callers,
    ILogger<SlackCommandHandler> logger
)
{
    public const string Failure =
        "Sorry, that went wrong on our side and has been logged. Please try again in a moment.";

    public async Task<SlackMessage> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var caller = await callers.CreateAsync(command, cancellationToken);
            // The router records commands answered and answer latency, tagged with the caller's platform.
            var reply = replies.ToText(command.Text, caller);
            return BlockKitRenderer.Render(reply.Answer, inChannel: !reply.IsPrivate, reply.Render);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Slack command from {User} failed", command.QualifiedUserId);
            return SlackMessage.Plain(Failure);
        }
    }
}
