using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GrokFactsBot.Testing;

/// <summary>
/// What a person sees of a message as the client draws it: markup and link targets removed, entities decoded,
/// counted in characters as a reader counts them (graphemes).
/// </summary>
public static partial class VisibleText
{
    [GeneratedRegex(@"\[([^\]]*)\]\((https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<(https?://[^|>]+)\|([^>]*)>")]
    private static partial Regex SlackLink();

    /// <summary>One Discord message (its embeds and button labels), line by line.</summary>
    public static IReadOnlyList<string> DiscordLines(JsonNode message)
    {
        var lines = new List<string>();
        if (message["content"]?.GetValue<string>() is { Length: > 0 } content)
            lines.AddRange(content.Split('\n'));
        foreach (var embed in message["embeds"]?.AsArray() ?? [])
        {
            Add(lines, embed?["author"]?["name"]);
            Add(lines, embed?["title"]);
            Add(lines, embed?["description"]);
            foreach (var field in embed?["fields"]?.AsArray() ?? [])
            {
                Add(lines, field?["name"]);
                Add(lines, field?["value"]);
            }
            Add(lines, embed?["footer"]?["text"]);
        }
        foreach (var row in message["components"]?.AsArray() ?? [])
            foreach (var button in row?["components"]?.AsArray() ?? [])
                Add(lines, button?["label"]);
        return lines.Select(Discord).ToList();
    }

    /// <summary>One Slack message's blocks, line by line.</summary>
    public static IReadOnlyList<string> SlackLines(JsonNode blocks) =>
        Slack.SlackJson.Texts(blocks).SelectMany(t => t.Split('\n')).Select(SlackVisible).ToList();

    public static int Count(IEnumerable<string> lines) => lines.Sum(l => new StringInfo(l).LengthInTextElements);

    private static void Add(List<string> lines, JsonNode? text)
    {
        if (text?.GetValue<string>() is { Length: > 0 } value)
            lines.AddRange(value.Split('\n'));
    }

    private static string Discord(string markdown)
    {
        var text = MarkdownLink().Replace(markdown, m => m.Groups[1].Value);
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
                i++;
            if (text[i] != '\u200B')
                plain.Append(text[i]);
        }
        return plain.ToString();
    }

    private static string SlackVisible(string mrkdwn)
    {
        var text = SlackLink().Replace(mrkdwn, m => m.Groups[2].Value);
        text = Regex.Replace(text, @"(?<![\w])[*_](?=\S)|(?<=\S)[*_](?![\w])", "");
        text = text.Replace("`", "", StringComparison.Ordinal);
        text = Regex.Replace(text, @":[a-z_]+:", "•");
        return WebUtility.HtmlDecode(text);
    }
}
