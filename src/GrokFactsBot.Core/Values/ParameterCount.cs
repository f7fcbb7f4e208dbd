namespace GrokFactsBot.Core.Values;

/// <summary>A parameter count: "314B", "0.5T", "~270B", "1.5 trillion", "269,515,497,472".</summary>
public sealed record ParameterCount(string Text, Magnitude Magnitude) : FactValue(Text)
{
    /// <summary>
    /// In the unit the source used where it was trillions ("0.5T", not "500B"), else the shortest form.
    /// </summary>
    public override string Display =>
        (Magnitude.IsApproximate ? "≈" : "")
        + (
            WrittenInTrillions
                ? (Magnitude.Value / 1e12).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "T"
                : Magnitude.Short(Magnitude.Value)
        );

    private bool WrittenInTrillions =>
        Text.Contains("trillion", StringComparison.OrdinalIgnoreCase)
        || Text.TrimEnd().EndsWith('T')
        || Text.Contains("T ", StringComparison.Ordinal);

    public override bool AgreesWith(FactValue other) =>
        other is ParameterCount count && Magnitude.Range.Overlaps(count.Magnitude.Range);

    public static bool TryParse(string text, out ParameterCount? value, out string? problem)
    {
        value = null;
        if (
            !Magnitude.TryParse(text, out var magnitude, out var unit, out var rest)
            || !(rest.Length == 0 || rest.StartsWith("param", StringComparison.OrdinalIgnoreCase))
        )
        {
            problem = $"'{text}' is not a parameter count (try 314B, 0.5T, ~270B or 1.5 trillion)";
            return false;
        }
        if (unit.Length == 0 && magnitude.Value < 1e6)
        {
            problem = $"'{text}' has no unit; write 314B or 0.5T rather than a bare small number";
            return false;
        }
        value = new ParameterCount(text.Trim(), magnitude);
        problem = null;
        return true;
    }
}
