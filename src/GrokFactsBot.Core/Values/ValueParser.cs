using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Values;

/// <summary>Parses what people write into the typed value an attribute takes, or says why it can't.</summary>
public static class ValueParser
{
    public const int MaxTextLength = 300;

    public static bool TryParse(ModelAttribute attribute, string? text, out FactValue? value, out string? problem)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"{attribute.Key()} needs a value";
            return false;
        }
        if (text.Length > MaxTextLength)
        {
            problem = $"the value is {text.Length} characters long; the limit is {MaxTextLength}";
            return false;
        }
        if (NotDisclosed.Matches(text))
        {
            (value, problem) = (new NotDisclosed(text.Trim()), null);
            return true;
        }
        (value, problem) = attribute.Kind() switch
        {
            ValueKind.Parameters => Run<ParameterCount>(ParameterCount.TryParse, text),
            ValueKind.Tokens => Run<TokenCount>(TokenCount.TryParse, text),
            ValueKind.Date => Run<DateValue>(DateValue.TryParse, text),
            ValueKind.License => Run<LicenseValue>(LicenseValue.TryParse, text),
            ValueKind.YesNo => Run<YesNoValue>(YesNoValue.TryParse, text),
            _ => (new TextValue(text.Trim()), null),
        };
        if (value is null)
            problem = $"{attribute.Key()}: {problem}";
        return value is not null;
    }

    private delegate bool TypedParser<T>(string text, out T? value, out string? problem);

    private static (FactValue? Value, string? Problem) Run<T>(TypedParser<T> parse, string text)
        where T : FactValue => parse(text, out var value, out var problem) ? (value, null) : (null, problem);

    /// <summary>For values that were validated when stored: a failure here is a bug, not user input.</summary>
    public static FactValue ParseStored(ModelAttribute attribute, string text) =>
        TryParse(attribute, text, out var value, out var problem)
            ? value!
            : throw new InvalidOperationException($"Stored value no longer parses: {problem}");
}
