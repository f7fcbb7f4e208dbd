using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// "What is the largest open model?" answered from the data rather than from anyone's say-so: the released
/// open-weights models ranked by their lead total-parameter figure, each cited. Rebuilt only when the store changes.
/// </summary>
public sealed class LargestModels(KnowledgeStore store, KnowledgeQueries queries)
{
    private const int Shown = 5;
    private static readonly ModelAttribute[] Needed =
    [
        ModelAttribute.TotalParameters,
        ModelAttribute.License,
        ModelAttribute.OpenWeightsDate,
    ];

    public Answer OpenWeights(Audience audience)
    {
        var book = new CitationBook();
        var ranked = store
            .AllModels()
            .Where(m => audience.CanSee(m.Scope))
            .Select(m => (Model: m, Facts: queries.Analyse(m, audience, Needed)))
            .Where(x =>
                x.Facts[2].Lead is not null
                && x.Facts[1].Lead?.Best.Value is LicenseValue { Class: not LicenseClass.Proprietary }
            )
            .Select(x => (x.Model, Size: x.Facts[0]))
            .Where(x => x.Size.Lead?.Best.Value is ParameterCount)
            .OrderByDescending(x => ((ParameterCount)x.Size.Lead!.Best.Value).Magnitude.Value)
            .Take(Shown)
            .ToList();
        if (ranked.Count == 0)
            return Answer.Message(
                AnswerKind.Facts,
                "Largest open-weights models",
                "No released open-weights model with a known size is recorded."
            );
        var lines = ranked.Select(x => FactLines.For(x.Size, book, x.Model.Name)!).ToList();
        return new Answer(
            AnswerKind.List,
            "Largest open-weights models",
            $"{ranked[0].Model.Name} is the largest released open-weights model in the knowledge base ({lines[0].Value} total parameters).",
            lines,
            book.Citations,
            [
                "Ranked by each model's best-sourced total parameter count, among models whose weights are out under a non-proprietary license.",
            ]
        );
    }
}
