using System.Text.Json.Nodes;

namespace GrokFactsBot.Testing.Slack;

public static class SlackJson
{
    /// <summary>
    /// Every "text" value in a message, as Slack reads it (the JSON on the wire escapes &lt; as \u003C).
    /// </summary>
    public static IEnumerable<string> Texts(JsonNode? node) =>
        node switch
        {
            JsonObject o => o.SelectMany(p =>
                p.Key == "text" && p.Value is JsonValue v ? [v.GetValue<string>()] : Texts(p.Value)
            ),
            JsonArray a => a.SelectMany(Texts),
            _ => [],
        };
}
