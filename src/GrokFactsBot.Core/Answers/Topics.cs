using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// One thing a person asks about a model: the command that answers it, the title of the answer, the attributes it
/// shows (the first is what line one leads with), the words that ask for it in a question, and the kind of update a
/// new claim about its attributes is. Commands, <c>ask</c> and subscriptions all read this one table.
/// </summary>
public sealed record Topic(
    string Name,
    string Title,
    string Description,
    IReadOnlyList<ModelAttribute> Attributes,
    IReadOnlyList<string> Words,
    UpdateKinds UpdateKind
);

public static class Topics
{
    public static readonly Topic Params = new(
        "params",
        "parameters",
        "Parameter count (total and active) of a model",
        [
            ModelAttribute.TotalParameters,
            ModelAttribute.ActiveParameters,
            ModelAttribute.Experts,
            ModelAttribute.Architecture,
        ],
        [
            "parameters",
            "parameter",
            "params",
            "param",
            "how big",
            "how large",
            "size",
            "sized",
            "billion",
            "trillion",
            "weights count",
            "moe",
            "mixture of experts",
            "experts",
            "active",
        ],
        UpdateKinds.Params
    );

    public static readonly Topic Context = new(
        "context",
        "context length",
        "Context length of a model",
        [ModelAttribute.ContextLength],
        ["context", "tokens", "window", "context length"],
        UpdateKinds.Context
    );

    public static readonly Topic Release = new(
        "release",
        "release",
        "Announcement, API, open-weights and retirement dates of a model",
        [
            ModelAttribute.AnnouncedDate,
            ModelAttribute.InTraining,
            ModelAttribute.ApiAvailabilityDate,
            ModelAttribute.OpenWeightsDate,
            ModelAttribute.PlannedOpenWeights,
            ModelAttribute.Retired,
            ModelAttribute.Status,
            ModelAttribute.WeightsLocation,
        ],
        [
            "when",
            "release",
            "released",
            "come out",
            "came out",
            "launch",
            "launched",
            "date",
            "announced",
            "available",
            "out yet",
            "out",
            "status",
            "retired",
            "deprecated",
            "training",
        ],
        UpdateKinds.Release
    );

    public static readonly Topic License = new(
        "license",
        "license",
        "License and where the weights are",
        [ModelAttribute.License, ModelAttribute.WeightsLocation, ModelAttribute.PlannedOpenWeights],
        [
            "license",
            "licence",
            "licensed",
            "licenced",
            "licensing",
            "apache",
            "commercial",
            "commercially",
            "terms",
        ],
        UpdateKinds.License
    );

    public static readonly Topic Developer = new(
        "developer",
        "developer",
        "Who made a model",
        [ModelAttribute.Developer],
        ["who makes", "who made", "who built", "who develops", "who developed", "developer", "made by", "which company", "whose", "maker"],
        UpdateKinds.Other
    );

    /// <summary>Topics in the order a question's topics are answered and an attribute's update kind is found.</summary>
    public static readonly IReadOnlyList<Topic> All = [Params, Context, Release, License, Developer];

    /// <summary>The first topic that shows the attribute; its update kind is the attribute's.</summary>
    public static Topic? Of(ModelAttribute attribute) => All.FirstOrDefault(t => t.Attributes.Contains(attribute));

    public static UpdateKinds UpdateKindOf(ModelAttribute attribute) => Of(attribute)?.UpdateKind ?? UpdateKinds.Other;
}
