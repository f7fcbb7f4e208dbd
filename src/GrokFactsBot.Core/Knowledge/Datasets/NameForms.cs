using System.Globalization;
using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// A name split into the model it names and, where the name carries one, the checkpoint month: "GPT-4o (Aug 2024)",
/// "gpt-4o-2024-08-06" and "deepseek-r1-0528" (read against the row's own date) all name a dated checkpoint.
/// </summary>
internal sealed record NameForm(string FullKey, string BaseKey, string LooseKey, int? Tag, bool TagInName)
{
    public static int Month(DateOnly day) => day.Year * 12 + day.Month - 1;

    public static string TagText(int tag) =>
        new DateOnly(tag / 12, tag % 12 + 1, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);
}

internal static partial class NameForms
{
    [GeneratedRegex(
        @"^(?<base>.*?)\s*\((?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<y>(19|20)\d{2})\)$",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex MonthInParentheses();

    [GeneratedRegex(@"^(?<base>.+?)[-_ ](?<y>20\d{2})-?(?<m>\d{2})-?(?<d>\d{2})$")]
    private static partial Regex FullDateSuffix();

    [GeneratedRegex(@"^(?<base>.+?)[-_ ](?<m>\d{2})-(?<y>20\d{2})$")]
    private static partial Regex MonthYearSuffix();

    [GeneratedRegex(@"^(?<base>.+?)[-_ ](?<a>\d{2})-?(?<b>\d{2})$")]
    private static partial Regex ShortDateSuffix();

    [GeneratedRegex(@"\s*\(latest\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Latest();

    /// <summary>Epoch's "(preview)" marks the first showing of the model it names, not another model.</summary>
    [GeneratedRegex(@"\s*\(preview\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PreviewNote();

    private static readonly string[] Months =
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ];

    public static NameForm Parse(string name, DateOnly? rowDate)
    {
        var text = Latest().Replace(name.Trim(), "");
        var (baseName, tag) = Split(PreviewNote().Replace(text, ""), rowDate);
        var baseKey = Names.Key(baseName);
        return new NameForm(Names.Key(text), baseKey, Loose(baseKey), tag, tag is not null);
    }

    private static (string Base, int? Tag) Split(string text, DateOnly? rowDate)
    {
        if (MonthInParentheses().Match(text) is { Success: true } m)
            return (
                m.Groups["base"].Value,
                Tag(Year(m), Array.IndexOf(Months, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1)
            );
        if (FullDateSuffix().Match(text) is { Success: true } d && Tag(Year(d), Int(d, "m"), Int(d, "d")) is { } full)
            return (d.Groups["base"].Value, full);
        if (MonthYearSuffix().Match(text) is { Success: true } my && Tag(Year(my), Int(my, "m")) is { } monthYear)
            return (my.Groups["base"].Value, monthYear);
        // "0528" or "2507" is a day or a month only when it is the row's own date written short (give or take the
        // few days datasets disagree by).
        if (rowDate is { } day && ShortDateSuffix().Match(text) is { Success: true } s)
        {
            var (a, b) = (Int(s, "a"), Int(s, "b"));
            if (
                Tag(day.Year, a, b) is not null
                && Math.Abs(new DateOnly(day.Year, a, b).DayNumber - day.DayNumber) <= 3
            )
                return (s.Groups["base"].Value, NameForm.Month(new DateOnly(day.Year, a, b)));
            if (a == day.Year % 100 && Tag(day.Year, b) is { } month && Math.Abs(month - NameForm.Month(day)) <= 1)
                return (s.Groups["base"].Value, month);
        }
        return (text, null);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Year(Match m) => Int(m, "y");

    private static int? Tag(int year, int month, int day = 1) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? year * 12 + month - 1 : null;

    /// <summary>
    /// The instruction-tuned release of a model is the same release ("Llama 3.3 70B Instruct", "gemma-3-27b-it"),
    /// and a first version is the model itself ("… 253B v1"). Base, chat, thinking and preview variants are not.
    /// </summary>
    private static string Loose(string key)
    {
        if (key.EndsWith("v1", StringComparison.Ordinal) && key.Length > 5 && char.IsLetterOrDigit(key[^3]))
            key = key[..^2];
        if (key.EndsWith("instruct", StringComparison.Ordinal) && key.Length > 11)
            return key[..^8];
        if (key.EndsWith("it", StringComparison.Ordinal) && key.Length > 5 && (char.IsDigit(key[^3]) || key[^3] == 'b'))
            return key[..^2];
        return key;
    }
}
