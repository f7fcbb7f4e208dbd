using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Commands;
using GrokFactsBot.Slack.Interactivity;
using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.SocketMode;

/// <summary>
/// Handles one envelope: every envelope is acked on the socket it came on; a slash command's answer rides in the
/// ack when Slack accepts a payload and it is ready in time, otherwise it goes to response_url once.
/// </summary>
public sealed class SocketModeDispatcher(
    SlashCommandResponder responder,
    EnvelopeLedger ledger,
    SlackButtonHandler buttons,
    ILogger<SocketModeDispatcher> logger
)
{
    public async Task DispatchAsync(JsonObject envelope, SocketModeConnection connection)
    {
        try
        {
            if (
                envelope["envelope_id"] is not JsonValue idValue
                || !idValue.TryGetValue<string>(out var id)
                || id.Length == 0
            )
            {
                logger.LogWarning("Ignored a Socket Mode envelope without an envelope_id");
                return;
            }
            var type = envelope["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "";
            if (type == "interactive")
            {
                await InteractiveAsync(envelope, id, connection);
                return;
            }
            if (type != "slash_commands")
            {
                logger.LogDebug("Acked a Socket Mode {Type} envelope this bot does not handle", type);
                await connection.AckAsync(id, null);
                return;
            }
            var payload = envelope["payload"] as JsonObject;
            var (command, problem) = SlashCommand.Read(name =>
                payload?[name] is JsonValue v && v.TryGetValue<string>(out var f) ? f : null
            );
            if (command is null)
            {
                logger.LogWarning("Socket Mode slash command envelope {Envelope} unreadable: {Problem}", id, problem);
                await connection.AckAsync(id, null);
                return;
            }
            var (entry, _) = ledger.Record(id, () => responder.Start(command));
            var acceptsPayload =
                envelope["accepts_response_payload"] is JsonValue a && a.TryGetValue<bool>(out var accepts) && accepts;
            await AckAsync(connection, id, entry, command, acceptsPayload);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Socket Mode envelope handling failed");
        }
    }

    /// <summary>
    /// A button click: acked at once (a click's ack carries nothing), then answered once on its response_url, even
    /// if Slack redelivers the envelope on the other connection.
    /// </summary>
    private async Task InteractiveAsync(JsonObject envelope, string id, SocketModeConnection connection)
    {
        var (click, problem) = BlockAction.Read(envelope["payload"] as JsonObject);
        await connection.AckAsync(id, null);
        if (click is null)
        {
            logger.LogDebug("Acked a Socket Mode interaction this bot does not handle: {Problem}", problem);
            return;
        }
        var (entry, _) = ledger.Record(id, () => Task.Run(() => buttons.Respond(click)));
        if (entry.TryClaimLateDelivery())
            responder.DeliverLater(entry.Answer, click.Clicker.ResponseUrl);
    }

    private async Task AckAsync(
        SocketModeConnection connection,
        string id,
        EnvelopeLedger.Entry entry,
        SlashCommand command,
        bool acceptsPayload
    )
    {
        if (!acceptsPayload)
        {
            await connection.AckAsync(id, null);
            if (entry.TryClaimLateDelivery())
                responder.DeliverLater(entry.Answer, command.ResponseUrl);
            return;
        }
        var ready = await responder.WithinBudgetAsync(entry.Answer);
        if (ready is { Chart: null } && !entry.IsDeliveredLate)
        {
            await connection.AckAsync(id, ready.ToResponse());
            return;
        }
        var deliversLate = entry.TryClaimLateDelivery();
        if (deliversLate)
            responder.DeliverLater(entry.Answer, command.ResponseUrl);
        await connection.AckAsync(id, deliversLate ? SlashCommandResponder.WorkingOnIt.ToResponse() : null);
    }
}
