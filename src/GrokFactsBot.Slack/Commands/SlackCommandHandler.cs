using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// One handler for both transports: the command text goes through the shared text runner (command, bare model name,
/// or question) and comes back as Block Kit, ephemeral unless the text ends with "public".
/// </summary>
public sealed class SlackCommandHandler(
    TextCommandRunner runner,
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
            var (text, isPublic) = PublicFlag.Split(command.Text);
            var caller = await callers.CreateAsync(command, cancellationToken);
            // The router records commands answered and answer latency, tagged with the caller's platform.
            var answer = runner.Run(text, caller);
            return BlockKitRenderer.Render(answer, inChannel: isPublic && !answer.IsPrivate);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Slack command from {User} failed", command.QualifiedUserId);
            return SlackMessage.Plain(Failure);
        }
    }
}
