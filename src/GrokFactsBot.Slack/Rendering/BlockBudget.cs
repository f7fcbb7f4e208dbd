using System.Text.Json.Nodes;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// Counts blocks and characters as a message is built so the renderer can stop before Slack's limits.
/// </summary>
internal sealed class BlockBudget
{
    public JsonArray Blocks { get; } = [];
    public int Chars { get; private set; }

    public void Add(JsonObject block)
    {
        Blocks.Add((JsonNode)block);
        Chars += TextLength(block);
    }

    public bool Fits(int chars, int extraBlocks) =>
        Blocks.Count + 1 + extraBlocks <= BlockKitRenderer.MaxBlocks
        && Chars + chars <= BlockKitRenderer.MaxMessageChars;

    /// <summary>Adds blocks in order while both limits hold; returns how many went in.</summary>
    public int AddWhile(IReadOnlyList<JsonObject> candidates, int maxBlocks, int maxChars)
    {
        var added = 0;
        foreach (var block in candidates)
        {
            if (Blocks.Count + 1 > maxBlocks || Chars + TextLength(block) > maxChars)
                break;
            Add(block);
            added++;
        }
        return added;
    }

    private static int TextLength(JsonNode? node) =>
        node switch
        {
            JsonObject o => o.Sum(p =>
                p.Key == "text" && p.Value is JsonValue v ? v.GetValue<string>().Length : TextLength(p.Value)
            ),
            JsonArray a => a.Sum(TextLength),
            _ => 0,
        };
}
