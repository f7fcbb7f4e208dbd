namespace GrokFactsBot.Core.Domain;

/// <summary>What a claim is about. Each attribute has one value kind (see <see cref="ModelAttributes"/>).</summary>
public enum ModelAttribute
{
    TotalParameters,
    ActiveParameters,
    Experts,
    ContextLength,
    AnnouncedDate,
    OpenWeightsDate,
    ApiAvailabilityDate,
    PlannedOpenWeights,
    License,
    WeightsLocation,
    Developer,
    Architecture,
    LargestOpenModel,
    Status,
    InTraining,
    Retired,
}

public enum ValueKind
{
    Parameters,
    Count,
    Tokens,
    Date,
    License,
    Text,
    YesNo,
}

public static class ModelAttributes
{
    private static readonly Dictionary<ModelAttribute, (string Key, string Label, ValueKind Kind)> Table = new()
    {
        [ModelAttribute.TotalParameters] = ("total_parameters", "Total parameters", ValueKind.Parameters),
        [ModelAttribute.ActiveParameters] = ("active_parameters", "Active parameters", ValueKind.Parameters),
        [ModelAttribute.Experts] = ("experts", "Experts (total / active)", ValueKind.Text),
        [ModelAttribute.ContextLength] = ("context_length", "Context length", ValueKind.Tokens),
        [ModelAttribute.AnnouncedDate] = ("announced", "Announced", ValueKind.Date),
        [ModelAttribute.OpenWeightsDate] = ("open_weights_released", "Open weights released", ValueKind.Date),
        [ModelAttribute.ApiAvailabilityDate] = ("api_available", "API available", ValueKind.Date),
        [ModelAttribute.PlannedOpenWeights] = ("open_weights_planned", "Open weights planned", ValueKind.Date),
        [ModelAttribute.License] = ("license", "License", ValueKind.License),
        [ModelAttribute.WeightsLocation] = ("weights_location", "Weights", ValueKind.Text),
        [ModelAttribute.Developer] = ("developer", "Developer", ValueKind.Text),
        [ModelAttribute.Architecture] = ("architecture", "Architecture", ValueKind.Text),
        [ModelAttribute.LargestOpenModel] = ("largest_open_model", "Largest open-weights model", ValueKind.YesNo),
        [ModelAttribute.Status] = ("status", "Status note", ValueKind.Text),
        [ModelAttribute.InTraining] = ("in_training", "In training", ValueKind.Date),
        [ModelAttribute.Retired] = ("retired", "Retired", ValueKind.Date),
    };

    private static readonly Dictionary<string, ModelAttribute> ByKey = Table.ToDictionary(
        kv => kv.Value.Key,
        kv => kv.Key,
        StringComparer.OrdinalIgnoreCase
    );

    public static IEnumerable<ModelAttribute> All => Table.Keys;

    public static string Key(this ModelAttribute attribute) => Table[attribute].Key;

    public static string Label(this ModelAttribute attribute) => Table[attribute].Label;

    /// <summary>The label inside a sentence: "total parameters", but "API available" keeps its acronym.</summary>
    public static string LabelInText(this ModelAttribute attribute) => InTextLabels[attribute];

    private static readonly Dictionary<ModelAttribute, string> InTextLabels = Table.ToDictionary(
        kv => kv.Key,
        kv => InText(kv.Value.Label)
    );

    /// <summary>A label as it reads inside a sentence: lower case unless its first word is an acronym.</summary>
    public static string InText(string label)
    {
        var space = label.IndexOf(' ');
        var firstWord = space < 0 ? label.AsSpan() : label.AsSpan(0, space);
        return firstWord.Length > 1 && IsAllUpper(firstWord) ? label : label.ToLowerInvariant();
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsUpper(c))
                return false;
        return true;
    }

    public static ValueKind Kind(this ModelAttribute attribute) => Table[attribute].Kind;

    public static bool TryParse(string? text, out ModelAttribute attribute)
    {
        attribute = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var key = text.Trim().Replace('-', '_').Replace(' ', '_');
        return ByKey.TryGetValue(key, out attribute);
    }

    public static string KnownKeys => string.Join(", ", Table.Values.Select(v => v.Key));
}
