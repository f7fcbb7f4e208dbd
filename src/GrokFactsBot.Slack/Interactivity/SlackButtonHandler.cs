using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Slack.Commands;
using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Interactivity;

/// <summary>
/// Answers a button click on its response_url, ephemeral to the clicker: what the button's signed value names, in
/// the full view; a page turn on a message only they see replaces that message. The click itself is acked at once
/// by the transport; the reply is tracked so shutdown waits for it.
/// </summary>
public sealed class SlackButtonHandler(
    Replies replies,
    ActionTokens tokens,
    SlackCallerFactory callers,
    ResponseUrlReplies delivery,
    ILogger<SlackButtonHandler> logger
)
{
    public void Start(BlockAction click) => delivery.Deliver(Task.Run(() => Respond(click)), click.Clicker.ResponseUrl);

    public SlackMessage Respond(BlockAction click)
    {
        var ticket = tokens.Read(click.Value);
        if (ticket.Status != TicketStatus.Valid)
        {
            logger.LogInformation("A Slack button click was refused: {Status}", ticket.Status);
            var note =
                ticket.Status == TicketStatus.Expired
                    ? Core.Answers.Answer.Message(AnswerKind.Refused, "This button has expired", ButtonNotes.Expired(ticket.Command!))
                    : Core.Answers.Answer.Message(AnswerKind.Refused, "This button can't be used", ButtonNotes.Unreadable);
            return BlockKitRenderer.Render(note, inChannel: false) with { ReplaceOriginal = false };
        }
        var reply = replies.ToButton(ticket.Command!, ticket.Page, callers.Known(click.Clicker));
        return BlockKitRenderer.Render(reply.Answer, inChannel: false, reply.Render) with
        {
            Buttons = ReplyButtons.For(reply, tokens),
            ReplaceOriginal = ticket.TurnsPage && click.OnEphemeral,
        };
    }
}
