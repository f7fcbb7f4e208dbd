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
        bool ok;
        switch (attribute.Kind())
        {
            case ValueKind.Parameters:
                ok = ParameterCount.TryParse(text, out var parameters, out problem);
                value = parameters;
                break;
            case ValueKind.Tokens:
                ok = TokenCount.TryParse(text, out var tokens, out problem);
                value = tokens;
                break;
            case ValueKind.Date:
                ok = DateValue.TryParse(text, out var date, out problem);
                value = date;
                break;
            case ValueKind.License:
                ok = LicenseValue.TryParse(text, out var license, out problem);
                value = license;
                break;
            case ValueKind.YesNo:
                ok = YesNoValue.TryParse(text, out var yesNo, out problem);
                value = yesNo;
                break;
            default:
                value = new TextValue(text.Trim());
                problem = null;
                ok = true;
                break;
        }
        if (!ok) problem = $"{attribute.Key()}: {problem}";
        return ok;
    }

    /// <summary>For values that were validated when stored: a failure here is a bug, not user input.</summary>
    public static FactValue ParseStored(ModelAttribute attribute, string text) =>
        TryParse(attribute, text, out var value, out var problem)
            ? value!
            : throw new InvalidOperationException($"Stored value no longer parses: {problem}");
}
