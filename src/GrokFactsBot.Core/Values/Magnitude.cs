using System.Globalization;
using System.Text.RegularExpressions;

namespace GrokFactsBot.Core.Values;

/// <summary>
/// A number as people write it ("314B", "0.5T", "1.5 trillion", "~270B", "131,072", "128k") with the
/// precision its digits imply: "0.5T" means 0.45T–0.55T, "268 billion" means 267.5B–268.5B.
/// </summary>
public sealed partial record Magnitude(double Value, double HalfStep, bool IsApproximate)
{
    /// <summary>How much wider than its last digit an approximate number ("~270B") is taken to be.</summary>
    public const double ApproximateTolerance = 0.05;

    public Range Range =>
        IsApproximate
            ? Range.Around(Value, Math.Max(HalfStep, Value * ApproximateTolerance))
            : Range.Around(Value, HalfStep);

    [GeneratedRegex(
        @"^\s*(?<approx>~|≈|about|approx\.?|approximately|around|roughly|circa|ca\.)?\s*(?<num>\d[\d,_]*(?:\.\d+)?|\.\d+)\s*(?<unit>k|thousand|m|mn|million|b|bn|billion|t|tn|trillion)?\b\.?\s*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();

    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["k"] = 1e3,
        ["thousand"] = 1e3,
        ["m"] = 1e6,
        ["mn"] = 1e6,
        ["million"] = 1e6,
        ["b"] = 1e9,
        ["bn"] = 1e9,
        ["billion"] = 1e9,
        ["t"] = 1e12,
        ["tn"] = 1e12,
        ["trillion"] = 1e12,
    };

    /// <summary>
    /// Parses the number and unit; <paramref name="rest"/> is whatever followed them ("parameters", "tokens").
    /// </summary>
    public static bool TryParse(string text, out Magnitude magnitude, out string unit, out string rest)
    {
        magnitude = new Magnitude(0, 0, false);
        unit = rest = "";
        var match = Pattern().Match(text);
        if (!match.Success)
            return false;
        var digits = match.Groups["num"].Value.Replace(",", "").Replace("_", "");
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return false;
        unit = match.Groups["unit"].Value;
        var scale = unit.Length > 0 ? Units[unit] : 1;
        var decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
        // "1T" is a round figure, not "anything from 0.5T to 1.5T": a last digit's half step, but never wider than
        // the tolerance of a figure marked approximate.
        var halfStep = Math.Min(0.5 * Math.Pow(10, -decimals) * scale, number * scale * ApproximateTolerance);
        magnitude = new Magnitude(number * scale, halfStep, match.Groups["approx"].Success);
        rest = match.Groups["rest"].Value.Trim();
        return number >= 0;
    }

    /// <summary>"314B", "1.5T", "671B", "3.2M": short, with no more digits than needed.</summary>
    public static string Short(double value)
    {
        var (scale, suffix) = value switch
        {
            >= 1e12 => (1e12, "T"),
            >= 1e9 => (1e9, "B"),
            >= 1e6 => (1e6, "M"),
            >= 1e3 => (1e3, "K"),
            _ => (1d, ""),
        };
        return (value / scale).ToString("0.###", CultureInfo.InvariantCulture) + suffix;
    }
}
