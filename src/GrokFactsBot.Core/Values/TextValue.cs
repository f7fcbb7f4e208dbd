namespace GrokFactsBot.Core.Values;

/// <summary>
/// A short free-text value (a developer, a weights location); equal when equal but for case and punctuation.
/// </summary>
public sealed record TextValue(string Text) : FactValue(Text)
{
    public override string Display => Text;

    public override bool AgreesWith(FactValue other) =>
        other is TextValue text && Normalize(Text) == Normalize(text.Text);

    public static string Normalize(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

public sealed record YesNoValue(string Text, bool Value) : FactValue(Text)
{
    public override string Display => Value ? "yes" : "no";

    public override bool AgreesWith(FactValue other) => other is YesNoValue yesNo && yesNo.Value == Value;

    public static bool TryParse(string text, out YesNoValue? value, out string? problem)
    {
        bool? parsed = text.Trim().ToLowerInvariant() switch
        {
            "yes" or "true" or "y" => true,
            "no" or "false" or "n" => false,
            _ => null,
        };
        value = parsed is bool b ? new YesNoValue(text.Trim(), b) : null;
        problem = parsed is null ? $"'{text}' is not yes or no" : null;
        return value is not null;
    }
}
