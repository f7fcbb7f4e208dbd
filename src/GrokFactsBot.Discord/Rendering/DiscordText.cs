using System.Text;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>
/// Makes text from sources and users inert in Discord markdown: no formatting, no masked links, no pings.
/// </summary>
public static class DiscordText
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// Backticks stay: the core marks commands with them, and a stray one can only change formatting.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var atLineStart = true;
        foreach (var ch in text)
        {
            // Quotes and headings only take effect at the start of a line; elsewhere > and # are ordinary text.
            if (ch is '\\' or '*' or '_' or '~' or '|' or '[' or ']' || atLineStart && ch is '>' or '#')
                escaped.Append('\\');
            escaped.Append(ch);
            atLineStart = ch == '\n' || atLineStart && ch == ' ';
        }
        return Defuse(escaped.ToString());
    }

    /// <summary>
    /// @everyone, @here, &lt;@user&gt;, &lt;@&amp;role&gt;, &lt;#channel&gt; and slash-command mentions
    /// &lt;/name:id&gt; can't ping or link once a zero-width space splits them.
    /// </summary>
    public static string Defuse(string text) =>
        text.Replace("@everyone", "@" + ZeroWidthSpace + "everyone", StringComparison.OrdinalIgnoreCase)
            .Replace("@here", "@" + ZeroWidthSpace + "here", StringComparison.OrdinalIgnoreCase)
            .Replace("<@", "<" + ZeroWidthSpace + "@", StringComparison.Ordinal)
            .Replace("<#", "<" + ZeroWidthSpace + "#", StringComparison.Ordinal)
            .Replace("</", "<" + ZeroWidthSpace + "/", StringComparison.Ordinal);

    /// <summary>
    /// A link target that cannot break out of markdown's <c>(url)</c>; anything not http(s) becomes no link.
    /// </summary>
    public static string? SafeUrl(string url) =>
        SourceRules.TryWebUrl(url, out var uri)
            ? uri
                .AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal)
                .Replace(")", "%29", StringComparison.Ordinal)
                .Replace(" ", "%20", StringComparison.Ordinal)
            : null;

    /// <summary>
    /// Cuts to at most <paramref name="max"/> characters, ending with an ellipsis when it cut; never inside an emoji
    /// or other grapheme.
    /// </summary>
    public static string Truncate(string text, int max) => TextCut.Truncate(text, max);
}
