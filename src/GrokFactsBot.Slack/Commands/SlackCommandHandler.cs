using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// One handler for both transports: the command text goes through the shared text runner (command, bare model name,
/// or question) and comes back as Block Kit, in the channel or ephemeral by the one visibility rule.
/// </summary>
public sealed class SlackCommandHandler(
    TextCommandRunner runner,
    Replies replies,
    ActionTokens tokens,
    SlackCallerFactory callers,
    ILogger<SlackCommandHandler> logger
)
{
    public const string Failure =
        "Sorry, that went wrong on our side and has been logged. Please try again in a moment.";

    public const string PrivateChart =
        "Slack can't show a picture to one person: ask without `private` to post the chart in the channel.";

    public async Task<SlackMessage> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await RunAsync(command, command.Text, cancellationToken);
            var message = Message(reply, tokens);
            if (reply.Answer.Image is not { } image)
                return message;
            // Slack has no private files: a chart asked for privately stays text.
            return !reply.IsPrivate && command.ChannelId is { Length: > 0 } channel
                ? message with { Chart = new ChartPost(image, channel, reply.Answer.Title) }
                : message.WithNote(PrivateChart);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Slack command from {User} failed", command.QualifiedUserId);
            return SlackMessage.Plain(Failure);
        }
    }

    /// <summary>The message a reply becomes on Slack: its blocks, in the channel or ephemeral, and its buttons.</summary>
    public static SlackMessage Message(Reply reply, ActionTokens tokens) =>
        BlockKitRenderer.Render(reply.Answer, inChannel: !reply.IsPrivate, reply.Render) with
        {
            Buttons = ReplyButtons.For(reply, tokens),
        };

    /// <summary>
    /// Runs <paramref name="text"/> as <paramref name="command"/>'s caller. Only a command that needs a workspace
    /// admin waits for Slack (users.info, cached); every other command answers from what the request says.
    /// </summary>
    public async Task<Reply> RunAsync(SlashCommand command, string text, CancellationToken cancellationToken)
    {
        var caller = callers.Known(command);
        var line = TrailingWords.Split(text).Text;
        if (runner.PermissionFor(line, caller) == Permission.ServerAdmin && !caller.Has(Permission.ServerAdmin))
        {
            var (withRole, problem) = await callers.WithRoleAsync(command, cancellationToken);
            if (withRole is null)
                return new Reply(SlackRoleProblem.Answer(problem!), Visibility.Private, RenderOptions.Default);
            caller = withRole;
        }
        // The router records commands answered and answer latency, tagged with the caller's platform.
        return replies.ToText(text, caller);
    }
}
