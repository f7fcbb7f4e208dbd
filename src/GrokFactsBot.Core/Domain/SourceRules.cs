namespace GrokFactsBot.Core.Domain;

/// <summary>
/// What makes a source address and a quote acceptable, wherever they come from (a knowledge file, chat, a renderer).
/// </summary>
public static class SourceRules
{
    /// <summary>A quote is evidence, not a copy: longer than this, give a locator instead.</summary>
    public const int MaxQuoteWords = 25;

    /// <summary>
    /// An absolute http(s) address with a host: the only kind a source may cite or a renderer may link.
    /// </summary>
    public static bool TryWebUrl(string? text, out Uri url)
    {
        url = null!;
        if (
            !Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https")
            || parsed.Host.Length == 0
        )
            return false;
        url = parsed;
        return true;
    }

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
