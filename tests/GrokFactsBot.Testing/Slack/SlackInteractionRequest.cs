using System.Text.Json.Nodes;

namespace GrokFactsBot.Testing.Slack;

/// <summary>
/// A button click as Slack sends it: a block_actions payload, POSTed to /slack/interactions as the form field
/// "payload" (signed like a command) or carried in a Socket Mode "interactive" envelope.
/// </summary>
public static class SlackInteractionRequest
{
    public const string Path = "/slack/interactions";

    public static JsonObject BlockActions(
        string value,
        string responseUrl,
        bool onEphemeral = false,
        string user = "U2CERLKJA",
        string team = "T1DC2JH3J"
    ) =>
        new()
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "t" },
            ["user"] = new JsonObject
            {
                ["id"] = user,
                ["username"] = "roadrunner",
                ["team_id"] = team,
            },
            ["api_app_id"] = "A1",
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = "1700000000.000100",
                ["channel_id"] = "C1",
                ["is_ephemeral"] = onEphemeral,
            },
            ["channel"] = new JsonObject { ["id"] = "C1", ["name"] = "general" },
            ["trigger_id"] = "1.2.3",
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = "grokfacts-0",
                    ["block_id"] = "b1",
                    ["value"] = value,
                    ["action_ts"] = "1700000001.000200",
                }
            ),
        };

    public static HttpRequestMessage Signed(JsonObject payload, string secret, long? timestamp = null)
    {
        var request = SlackCommandRequest.Signed(
            "payload=" + Uri.EscapeDataString(payload.ToJsonString()),
            secret,
            timestamp
        );
        request.RequestUri = new Uri(Path, UriKind.Relative);
        return request;
    }

    /// <summary>The buttons of a Slack message (its actions blocks), by label: their values.</summary>
    public static IReadOnlyDictionary<string, string> Buttons(JsonNode message) =>
        (message["blocks"]?.AsArray() ?? [])
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .ToDictionary(e => (string)e!["text"]!["text"]!, e => (string)e!["value"]!);
}
