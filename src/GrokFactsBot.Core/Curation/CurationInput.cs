using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Curation;

/// <summary>
/// Checks on what admins type. Text is stored exactly as given (each platform escapes it when rendering); these
/// checks only bound it and reject what cannot be a sensible single-line field or a real web address.
/// </summary>
public static class CurationInput
{
    public const int MaxUrl = 500,
        MaxReason = 300,
        MaxQuote = 300,
        MaxName = 80,
        MaxAliases = 10,
        MaxPublisher = 100,
        MaxTitle = 200;

    /// <summary>Null when fine, else what is wrong, naming the field.</summary>
    public static string? Line(string field, string? text, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
            return required ? $"{field} is empty" : null;
        if (text.Length > max)
            return $"{field} is {text.Length} characters long; the limit is {max}";
        return text.Any(char.IsControl) ? $"{field} must be one line without control characters" : null;
    }

    public static string? Url(string? text, out Uri? url)
    {
        url = null;
        if (Line("the source URL", text, MaxUrl) is { } problem)
            return problem;
        if (!SourceRules.TryWebUrl(text, out var parsed) || text!.Any(char.IsWhiteSpace))
            return $"'{text}' is not a web address; give the full http(s) link of the page that says it, e.g. https://x.ai/news/grok-2";
        if (parsed.UserInfo.Length > 0)
            return "the source URL must not carry a user name or password";
        url = parsed;
        return null;
    }

    public static string? Quote(string? quote) =>
        Line("the quote", quote, MaxQuote, required: false)
        ?? (
            quote is not null && SourceRules.WordCount(quote) > SourceRules.MaxQuoteWords
                ? $"the quote has more than {SourceRules.MaxQuoteWords} words; quote the key phrase or give a locator such as \"README, Model Specifications\""
                : null
        );

    /// <summary>
    /// The qualifier and basis an admin gave; the older "qualifier rumoured/planned" still reads as a basis.
    /// </summary>
    public static bool TryEvidence(string? qualifierText, string? basisText, out Qualifier qualifier, out Basis? basis)
    {
        qualifier = Qualifier.Exact;
        basis = null;
        if (basisText is not null)
        {
            if (!Evidence.TryParse(basisText, out var given))
                return false;
            basis = given;
        }
        if (qualifierText is null)
            return true;
        if (Evidence.TryParse(qualifierText, out var legacy) && legacy is Basis.Rumour or Basis.Promise)
        {
            basis ??= legacy;
            return true;
        }
        var key = qualifierText.Trim().ToLowerInvariant();
        return Enum.TryParse(key, ignoreCase: true, out qualifier)
            && Enum.IsDefined(qualifier)
            && !int.TryParse(key, out _);
    }

    public static bool TrySourceKind(string? text, out SourceKind kind)
    {
        kind = SourceKind.Secondary;
        return text is null
            || (
                Enum.TryParse(text.Trim(), ignoreCase: true, out kind)
                && Enum.IsDefined(kind)
                && !int.TryParse(text, out _)
            );
    }

    /// <summary>"x.ai" from https://www.x.ai/news: the publisher when none is given.</summary>
    public static string Publisher(Uri url) =>
        url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;

    public static string Title(Uri url) =>
        (Publisher(url) + url.AbsolutePath.TrimEnd('/')) is var t && t.Length <= MaxTitle ? t : t[..MaxTitle];
}
