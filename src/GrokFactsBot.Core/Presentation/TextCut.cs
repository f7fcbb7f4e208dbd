using System.Globalization;

namespace GrokFactsBot.Core.Presentation;

/// <summary>
/// Shortens text for a platform limit without breaking what a reader sees as one character: a cut never lands
/// inside a surrogate pair or a grapheme (an emoji with its modifiers, a letter with its accents), so no "�".
/// </summary>
public static class TextCut
{
    public const string Ellipsis = "…";

    /// <summary>At most <paramref name="max"/> UTF-16 units, ending with an ellipsis when it cut.</summary>
    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : Prefix(text, Math.Max(0, max - Ellipsis.Length)).TrimEnd() + Ellipsis;

    /// <summary>The longest run of whole graphemes from the start that fits in <paramref name="max"/> units.</summary>
    public static string Prefix(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (next > max)
                break;
            end = next;
        }
        return text[..end];
    }

    /// <summary>The start of the grapheme that holds <paramref name="index"/>, so a cut there splits nothing.</summary>
    public static int BoundaryAtOrBefore(string text, int index)
    {
        if (index >= text.Length)
            return text.Length;
        return Prefix(text, index).Length;
    }
}
