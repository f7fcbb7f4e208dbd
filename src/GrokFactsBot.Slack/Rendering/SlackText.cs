using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// Slack's mrkdwn rules: only &amp;, &lt; and &gt; are control characters; escaping them is what stops
/// <c>&lt;!channel&gt;</c>. Text from users and sources also has @everyone, @here and @channel split by a zero-width
/// space, so a client or an app that links names cannot turn them into a ping.
/// </summary>
public static partial class SlackText
{
    public static string Escape(string text) => Defuse(EscapeControls(text));

    private static string Defuse(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? Broadcast().Replace(text, "@\u200B$1") : text;

    private static string EscapeControls(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
            escaped.Append(
                ch switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => ch.ToString(),
                }
            );
        return escaped.ToString();
    }

    /// <summary>
    /// A link only for http(s) URLs; anything else shows as escaped text so it cannot become a mention or a link.
    /// </summary>
    public static string Link(string url, string label)
    {
        var safeLabel = Escape(label).Replace('|', '¦');
        if (!SourceRules.TryWebUrl(url, out var uri))
            return safeLabel;
        var safeUrl = EscapeControls(uri.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal);
        return $"<{safeUrl}|{safeLabel}>";
    }

    /// <summary>Cuts at a limit with an ellipsis, never inside an escape entity, a link or a grapheme.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = max - 1;
        var open = text.LastIndexOf('<', cut - 1);
        if (open >= 0 && text.IndexOf('>', open) >= cut)
            cut = open;
        var amp = text.LastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 6 && text.IndexOf(';', amp) >= cut)
            cut = amp;
        return text[..TextCut.BoundaryAtOrBefore(text, cut)] + "…";
    }

    [GeneratedRegex("@(everyone|here|channel)", RegexOptions.IgnoreCase)]
    private static partial Regex Broadcast();

    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>
    /// Plain text gets the same neutralising as mrkdwn: whatever a user or source wrote cannot become a mention.
    /// </summary>
    public static JsonObject PlainText(string text, int max = 3000) =>
        new()
        {
            ["type"] = "plain_text",
            ["text"] = Truncate(Escape(text), max),
            ["emoji"] = true,
        };
}
