using System.Collections.Frozen;
using System.Text;

namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// A word of a family or name ("grok", "llama") may be misspelt; a version ("3.1", "v3", "k2"), a size ("405b",
/// "8x7b", "a22b") or a variant suffix ("mini", "fast", "instruct") is what tells models apart, so it must match
/// exactly.
/// </summary>
public enum NameTokenKind
{
    Word,
    Version,
    Suffix,
}

public readonly record struct NameToken(string Text, NameTokenKind Kind)
{
    public bool IsWord => Kind == NameTokenKind.Word;

    public bool IsNumeric => Kind == NameTokenKind.Version && char.IsAsciiDigit(Text[0]);
}

/// <summary>Splits a model name into its tokens the same way for the names stored and the names typed.</summary>
public static class NameTokens
{
    /// <summary>Variant words: "grok 4 mini" is not "grok 4", and "mini" is never a typo of "max".</summary>
    public static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(
        [
            "mini",
            "nano",
            "micro",
            "small",
            "medium",
            "large",
            "fast",
            "flash",
            "lite",
            "pro",
            "plus",
            "max",
            "ultra",
            "heavy",
            "turbo",
            "thinking",
            "reasoning",
            "instruct",
            "chat",
            "base",
            "vision",
            "coder",
            "preview",
            "beta",
            "exp",
            "omni",
            "air",
        ],
        StringComparer.Ordinal
    );

    private static readonly FrozenDictionary<string, string> NumberWords = new Dictionary<string, string>
    {
        ["zero"] = "0",
        ["one"] = "1",
        ["two"] = "2",
        ["three"] = "3",
        ["four"] = "4",
        ["five"] = "5",
        ["six"] = "6",
        ["seven"] = "7",
        ["eight"] = "8",
        ["nine"] = "9",
        ["ten"] = "10",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"three" as the version "3", for "grok three"; only where a version may stand.</summary>
    public static bool TryNumberWord(string word, out string digits) => NumberWords.TryGetValue(word, out digits!);

    public static List<NameToken> Of(string text)
    {
        var tokens = new List<NameToken>();
        foreach (var piece in Pieces(text))
            AddPiece(piece, tokens);
        return tokens;
    }

    /// <summary>
    /// "llama3.1" is llama + 3.1, "deepseek-v3" deepseek + v3, "qwen3-235b-a22b" qwen + 3 + 235b + a22b: a run of
    /// letters is a word unless it is one letter glued to digits (v3, k2, a22b), and a piece that starts with a digit
    /// is one version or size token (405b, 8x7b, 4o).
    /// </summary>
    private static void AddPiece(string piece, List<NameToken> tokens)
    {
        if (char.IsAsciiDigit(piece[0]))
        {
            tokens.Add(new NameToken(piece, NameTokenKind.Version));
            return;
        }
        var letters = 0;
        while (letters < piece.Length && !char.IsAsciiDigit(piece[letters]))
            letters++;
        if (letters == piece.Length)
            tokens.Add(Word(piece));
        else if (letters == 1)
            tokens.Add(new NameToken(piece, NameTokenKind.Version));
        else
        {
            tokens.Add(Word(piece[..letters]));
            tokens.Add(new NameToken(piece[letters..], NameTokenKind.Version));
        }
    }

    public static NameToken Word(string word) =>
        new(word, Suffixes.Contains(word) ? NameTokenKind.Suffix : NameTokenKind.Word);

    /// <summary>Lowercase runs of letters and digits; a dot stays only between digits ("3.1", not "grok.").</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
                current.Append(char.ToLowerInvariant(c));
            else if (
                c == '.'
                && current.Length > 0
                && char.IsAsciiDigit(current[^1])
                && i + 1 < text.Length
                && char.IsAsciiDigit(text[i + 1])
            )
                current.Append(c);
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }
        if (current.Length > 0)
            yield return current.ToString();
    }
}
