namespace GrokFactsBot.Core.Values;

/// <summary>
/// A context length: "131072", "128k", "1M tokens". People write "128k" for both 128,000 and 131,072, so a
/// binary-looking "k"/"M" figure covers both readings.
/// </summary>
public sealed record TokenCount(string Text, Magnitude Magnitude, Range Reading) : FactValue(Text)
{
    public override string Display =>
        Text.Any(char.IsLetter) && !Text.Contains("token", StringComparison.OrdinalIgnoreCase)
            ? $"{Text} tokens"
            : $"{(Magnitude.IsApproximate ? "≈" : "")}{Magnitude.Value:N0} tokens";

    public override bool AgreesWith(FactValue other) => other is TokenCount count && Reading.Overlaps(count.Reading);

    public static bool TryParse(string text, out TokenCount? value, out string? problem)
    {
        value = null;
        if (
            !Magnitude.TryParse(text, out var magnitude, out var unit, out var rest)
            || !(
                rest.Length == 0
                || rest.StartsWith("token", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("ctx", StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            problem = $"'{text}' is not a context length (try 128k or 131072)";
            return false;
        }
        var reading = magnitude.Range;
        var binaryScale = unit.ToLowerInvariant() switch
        {
            "k" => 1024d / 1000,
            "m" => 1048576d / 1e6,
            _ => 1d,
        };
        if (binaryScale > 1)
        {
            var binary = magnitude.Value * binaryScale;
            reading = new Range(reading.Low, Math.Max(reading.High, binary));
            magnitude = magnitude with { Value = binary, HalfStep = 0.5 };
        }
        value = new TokenCount(text.Trim(), magnitude, reading);
        problem = null;
        return true;
    }
}
