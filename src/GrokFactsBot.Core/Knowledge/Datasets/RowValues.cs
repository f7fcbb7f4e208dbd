using System.Globalization;
using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>The conversions every dataset reader shares: counts, dates, links, Hugging Face repos, slugs.</summary>
internal static partial class RowValues
{
    [GeneratedRegex(@"https?://[^\s,;""'<>()\[\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"huggingface\.co/(?<org>[A-Za-z0-9][\w.-]*)/(?<repo>[A-Za-z0-9][\w.-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex HfPattern();

    private static readonly HashSet<string> NotHfOrgs = new(StringComparer.OrdinalIgnoreCase)
    {
        "datasets",
        "spaces",
        "papers",
        "blog",
        "docs",
        "models",
        "collections",
        "learn",
    };

    /// <summary>
    /// A count written with the digits the dataset gave and no more: 314000000000.0 → "314B", 1.6e12 → "1.6T",
    /// so the value is as precise as the dataset is and no more.
    /// </summary>
    public static string CountText(double value)
    {
        var (scale, unit) = value switch
        {
            >= 1e12 => (1e12, "T"),
            >= 1e9 => (1e9, "B"),
            >= 1e6 => (1e6, "M"),
            _ => (1e3, "K"),
        };
        var scaled = Math.Round(value / scale, 6);
        return scaled.ToString("0.######", CultureInfo.InvariantCulture) + unit;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryDay(string text, out DateValue day) =>
        (day = DateValue.TryParse(text, out var parsed, out _) ? parsed! : null!)
            is { Precision: DatePrecision.Day or DatePrecision.Month };

    public static IReadOnlyList<string> Urls(string? text) =>
        text is null ? [] : UrlPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')')).Distinct().ToList();

    /// <summary>"org/repo" of every Hugging Face model page a text links to.</summary>
    public static IReadOnlyList<string> HfRepos(string? text) =>
        text is null
            ? []
            : HfPattern()
                .Matches(text)
                .Where(m => !NotHfOrgs.Contains(m.Groups["org"].Value))
                .Select(m => $"{m.Groups["org"].Value}/{m.Groups["repo"].Value.TrimEnd('.')}")
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

    /// <summary>A weights location as the knowledge files write it: the URL without its scheme.</summary>
    public static string Location(string url) => Regex.Replace(url.Trim(), "^https?://", "").TrimEnd('/');

    /// <summary>An id-safe slug: "Llama 3.1-405B" → "llama-3.1-405b"; empty when nothing ASCII is left.</summary>
    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant()
            .Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' ? c : '-');
        var slug = Regex.Replace(new string(chars.ToArray()), "-+", "-").Trim('-', '.');
        return Regex.Replace(slug, @"\.{2,}", ".");
    }

    /// <summary>Names joined with commas, the tail counted rather than listed past what a value may hold.</summary>
    public static string List(IReadOnlyList<string> names)
    {
        var shown = new List<string>();
        foreach (var name in names)
            if (string.Join(", ", [.. shown, name]).Length <= ValueParser.MaxTextLength - 20)
                shown.Add(name);
            else
                break;
        var rest = names.Count - shown.Count;
        return string.Join(", ", shown) + (rest > 0 ? $" and {rest} more" : "");
    }

    /// <summary>Words of a dataset's own note, cut to a length an answer line can carry.</summary>
    public static string? Excerpt(string? text, int words = 20)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= words ? string.Join(' ', parts) : string.Join(' ', parts.Take(words)) + " …";
    }

    /// <summary>
    /// "Weights are open" or "an API serves it" with no day given: true by the snapshot's day and no later claim,
    /// so it is a deadline ("by 6 Jul 2026"), never an invented date.
    /// </summary>
    public static RowClaim BySnapshot(Dataset dataset, ModelAttribute attribute, string quote) =>
        new(
            attribute,
            DateValue.TryParse("by " + Day(dataset.Snapshot), out var by, out _)
                ? by!
                : throw new InvalidOperationException("a day always parses"),
            quote,
            Note: $"{dataset.Publisher} lists it so in its snapshot of {Day(dataset.Snapshot)}; it gives no date"
        );

    /// <summary>The note a dataset claim carries: the row's own document the value rests on, when it has one.</summary>
    public static string? Per(string? url, string? before = null) =>
        (before, url) switch
        {
            (null, null) => null,
            (_, null) => before,
            (null, _) => $"per {url}",
            _ => $"{before}; per {url}",
        };

    public static bool ParsesAs(ModelAttribute attribute, string text, out FactValue value)
    {
        var ok = ValueParser.TryParse(attribute, text, out var parsed, out _);
        value = parsed!;
        return ok;
    }
}
