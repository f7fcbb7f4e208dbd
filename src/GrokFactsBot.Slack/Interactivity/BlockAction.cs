using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Commands;

namespace GrokFactsBot.Slack.Interactivity;

/// <summary>
/// A button click (a block_actions payload, over HTTP or Socket Mode): who clicked where, the button's value, the
/// response_url to answer on, and whether the message it sits on is one only the clicker sees.
/// </summary>
public sealed record BlockAction(SlashCommand Clicker, string? Value, bool OnEphemeral)
{
    public static (BlockAction? Action, string? Problem) Read(JsonObject? payload)
    {
        if (payload is null)
            return (null, "no payload");
        if (Text(payload["type"]) != "block_actions")
            return (null, $"not a block action ({Text(payload["type"]) ?? "no type"})");
        var (clicker, problem) = SlashCommand.Read(name =>
            name switch
            {
                "team_id" => Text(payload["team"]?["id"]) ?? Text(payload["user"]?["team_id"]),
                "user_id" => Text(payload["user"]?["id"]),
                "user_name" => Text(payload["user"]?["username"]) ?? Text(payload["user"]?["name"]),
                "channel_id" => Text(payload["channel"]?["id"]) ?? Text(payload["container"]?["channel_id"]),
                "command" => "button",
                "response_url" => Text(payload["response_url"]),
                _ => null,
            }
        );
        if (clicker is null)
            return (null, problem!.Replace("slash command", "button click", StringComparison.Ordinal));
        var action = payload["actions"] is JsonArray { Count: > 0 } actions ? actions[0] : null;
        var onEphemeral = payload["container"]?["is_ephemeral"] is JsonValue v && v.TryGetValue<bool>(out var e) && e;
        return (new BlockAction(clicker, Text(action?["value"]), onEphemeral), null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
