namespace GrokFactsBot.Core.Domain;

/// <summary>What a claim is about. Each attribute has one value kind (see <see cref="FactAttributes"/>).</summary>
public enum FactAttribute
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
}

public enum ValueKind { Parameters, Count, Tokens, Date, License, Text, YesNo }

public static class FactAttributes
{
    private static readonly Dictionary<FactAttribute, (string Key, string Label, ValueKind Kind)> Table = new()
    {
        [FactAttribute.TotalParameters] = ("total_parameters", "Total parameters", ValueKind.Parameters),
        [FactAttribute.ActiveParameters] = ("active_parameters", "Active parameters", ValueKind.Parameters),
        [FactAttribute.Experts] = ("experts", "Experts (total / active)", ValueKind.Text),
        [FactAttribute.ContextLength] = ("context_length", "Context length", ValueKind.Tokens),
        [FactAttribute.AnnouncedDate] = ("announced", "Announced", ValueKind.Date),
        [FactAttribute.OpenWeightsDate] = ("open_weights_released", "Open weights released", ValueKind.Date),
        [FactAttribute.ApiAvailabilityDate] = ("api_available", "API available", ValueKind.Date),
        [FactAttribute.PlannedOpenWeights] = ("open_weights_planned", "Open weights planned", ValueKind.Date),
        [FactAttribute.License] = ("license", "License", ValueKind.License),
        [FactAttribute.WeightsLocation] = ("weights_location", "Weights", ValueKind.Text),
        [FactAttribute.Developer] = ("developer", "Developer", ValueKind.Text),
        [FactAttribute.Architecture] = ("architecture", "Architecture", ValueKind.Text),
        [FactAttribute.LargestOpenModel] = ("largest_open_model", "Largest open-weights model", ValueKind.YesNo),
        [FactAttribute.Status] = ("status", "Status", ValueKind.Text),
    };

    private static readonly Dictionary<string, FactAttribute> ByKey =
        Table.ToDictionary(kv => kv.Value.Key, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<FactAttribute> All => Table.Keys;
    public static string Key(this FactAttribute attribute) => Table[attribute].Key;
    public static string Label(this FactAttribute attribute) => Table[attribute].Label;
    public static ValueKind Kind(this FactAttribute attribute) => Table[attribute].Kind;

    public static bool TryParse(string? text, out FactAttribute attribute)
    {
        attribute = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = text.Trim().Replace('-', '_').Replace(' ', '_');
        return ByKey.TryGetValue(key, out attribute);
    }

    public static string KnownKeys => string.Join(", ", Table.Values.Select(v => v.Key));
}
