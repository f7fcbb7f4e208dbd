using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>Citations as Discord markdown: linked numbers in a fact, a compact line, or a numbered list.</summary>
internal static class Citations
{
    /// <summary>"[xAI, 17 Mar 2024](…) · [GitHub](…) · +2 more", each label a link to its source.</summary>
    public static string Compact(IReadOnlyList<ShortCitation> shown, int more)
    {
        var parts = shown.Select(s => Link(DiscordText.Escape(s.Label), s.Url)).ToList();
        if (more > 0)
            parts.Add($"+{more} more");
        return string.Join(" · ", parts);
    }

    public static string Numbered(Citation c)
    {
        var label = DiscordText.Truncate(DiscordText.Escape($"{c.Publisher}: {c.Title}"), 200);
        var published = c.Published is null ? "" : ", " + DiscordText.Escape(c.Published);
        return $"`[{c.Number}]` {Link(label, c.Url)}{published} ({c.Kind.ToString().ToLowerInvariant()})";
    }

    public static string Links(IEnumerable<int> cites, IReadOnlyList<Citation> citations) =>
        string.Concat(
            cites.Select(n =>
                citations.FirstOrDefault(c => c.Number == n) is { } c && DiscordText.SafeUrl(c.Url) is { } url
                    ? $"[\\[{n}\\]]({url})"
                    : $"\\[{n}\\]"
            )
        );

    private static string Link(string label, string url) =>
        DiscordText.SafeUrl(url) is { } safe ? $"[{label}]({safe})" : label;
}
