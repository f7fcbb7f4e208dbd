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

/// <summary>
/// "Not disclosed", said by a source: a fact about what the developer has not published, not a value. It neither
/// agrees nor conflicts with a rumoured figure, so it stands beside the claims that give one.
/// </summary>
public sealed record NotDisclosed(string Text) : FactValue(Text)
{
    private static readonly string[] Spellings = ["not disclosed", "undisclosed", "not published", "not public"];

    public override string Display => "not disclosed";

    public override bool AgreesWith(FactValue other) => other is NotDisclosed;

    public static bool Matches(string text) =>
        Spellings.Contains(text.Trim().TrimEnd('.').ToLowerInvariant(), StringComparer.Ordinal);
}
