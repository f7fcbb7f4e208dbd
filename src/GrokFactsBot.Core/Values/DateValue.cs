using System.Globalization;
using System.Text.RegularExpressions;

namespace GrokFactsBot.Core.Values;

public enum DatePrecision
{
    Day,
    Month,
    Quarter,
    Half,
    Year,
    EndOfYear,
    EarlyYear,
    MidYear,
    ByDate,
}

/// <summary>
/// A date as precise as the source is: "2024-03-17", "March 2024", "Q3 2024", "H1 2027", "2026", "end of 2026",
/// "by end of 2026". It stands for the span of days it could mean, so "end of 2026" and "2027" never agree.
/// </summary>
public sealed partial record DateValue(string Text, DateOnly Start, DateOnly End, DatePrecision Precision)
    : FactValue(Text)
{
    public override string Display =>
        Precision switch
        {
            DatePrecision.Day => End.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => End.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Quarter => $"Q{(End.Month + 2) / 3} {End.Year}",
            DatePrecision.Half => $"H{(End.Month <= 6 ? 1 : 2)} {End.Year}",
            DatePrecision.Year => End.Year.ToString(CultureInfo.InvariantCulture),
            DatePrecision.EndOfYear => $"end of {End.Year}",
            DatePrecision.EarlyYear => $"early {End.Year}",
            DatePrecision.MidYear => $"mid {End.Year}",
            // "by February 2026" is a month, not the 28th: the deadline is shown as precisely as it was given.
            DatePrecision.ByDate => ParseSpan(Text.Trim()[3..].Trim()) is { } deadline
                ? $"by {deadline.Display}"
                : $"by {End.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
            _ => Text,
        };

    /// <summary>ISO form for sorting and for machine-readable output.</summary>
    public string Iso =>
        Precision == DatePrecision.Day ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Display;

    /// <summary>
    /// Spans that overlap agree. Two days one apart agree too: a launch late on one day in California is the next
    /// day in Beijing, and datasets, model cards and release commits routinely differ by that day.
    /// </summary>
    public override bool AgreesWith(FactValue other) =>
        other is DateValue date
        && (
            (Start <= date.End && date.Start <= End)
            || (
                Precision == DatePrecision.Day
                && date.Precision == DatePrecision.Day
                && Math.Abs(Start.DayNumber - date.Start.DayNumber) <= 1
            )
        );

    public static DateValue Day(DateOnly day) =>
        new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day, DatePrecision.Day);

    private static readonly string[] DayFormats =
    [
        "yyyy-MM-dd",
        "d MMMM yyyy",
        "d MMM yyyy",
        "MMMM d, yyyy",
        "MMM d, yyyy",
        "MMMM d yyyy",
        "MMM d yyyy",
    ];

    private static readonly string[] MonthFormats = ["yyyy-MM", "MMMM yyyy", "MMM yyyy"];

    [GeneratedRegex(@"^(?:q(?<q>[1-4])[\s-]*(?<y>\d{4})|(?<y>\d{4})[\s-]*q(?<q>[1-4]))$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:h(?<h>[12])[\s-]*(?<y>\d{4})|(?<y>\d{4})[\s-]*h(?<h>[12]))$", RegexOptions.IgnoreCase)]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"^(?<when>end of|late|early|mid|mid-|beginning of)\s*(?<y>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfYearPattern();

    public static bool TryParse(string text, out DateValue? value, out string? problem)
    {
        var trimmed = text.Trim();
        value = ParseSpan(trimmed);
        if (value is null && trimmed.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            var deadline = ParseSpan(trimmed[3..].Trim());
            if (deadline is not null)
                value = new DateValue(trimmed, DateOnly.MinValue, deadline.End, DatePrecision.ByDate);
        }
        problem = value is null
            ? $"'{text}' is not a date (try 2024-03-17, March 2024, Q3 2024, H1 2027, 2026, end of 2026 or by end of 2026)"
            : null;
        return value is not null;
    }

    private static DateValue? ParseSpan(string text)
    {
        var culture = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, DayFormats, culture, DateTimeStyles.AllowWhiteSpaces, out var day))
            return new DateValue(text, day, day, DatePrecision.Day);
        if (DateOnly.TryParseExact(text, MonthFormats, culture, DateTimeStyles.AllowWhiteSpaces, out var month))
            return new DateValue(text, month, month.AddMonths(1).AddDays(-1), DatePrecision.Month);
        if (
            text.Length == 4
            && int.TryParse(text, NumberStyles.None, culture, out var year)
            && year is > 1900 and < 2200
        )
            return Span(text, year, 1, 12, DatePrecision.Year);
        if (QuarterPattern().Match(text) is { Success: true } q)
        {
            var first = (int.Parse(q.Groups["q"].Value, culture) - 1) * 3 + 1;
            return Span(text, int.Parse(q.Groups["y"].Value, culture), first, first + 2, DatePrecision.Quarter);
        }
        if (HalfPattern().Match(text) is { Success: true } h)
        {
            var first = h.Groups["h"].Value == "1" ? 1 : 7;
            return Span(text, int.Parse(h.Groups["y"].Value, culture), first, first + 5, DatePrecision.Half);
        }
        if (PartOfYearPattern().Match(text) is { Success: true } part)
        {
            var y = int.Parse(part.Groups["y"].Value, culture);
            return part.Groups["when"].Value.ToLowerInvariant() switch
            {
                "end of" or "late" => Span(text, y, 10, 12, DatePrecision.EndOfYear),
                "early" or "beginning of" => Span(text, y, 1, 4, DatePrecision.EarlyYear),
                _ => Span(text, y, 5, 8, DatePrecision.MidYear),
            };
        }
        return null;
    }

    private static DateValue Span(string text, int year, int firstMonth, int lastMonth, DatePrecision precision) =>
        new(
            text,
            new DateOnly(year, firstMonth, 1),
            new DateOnly(year, lastMonth, 1).AddMonths(1).AddDays(-1),
            precision
        );
}
