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
            .Select(m => queries.View(m, audience))
            .Select(v => (Model: v.Model, View: v, Facts: v.Analyse(Needed)))
            .Where(x =>
                x.Facts[2].Lead is not null
                && x.Facts[1].Lead?.Best.Value is LicenseValue { Class: not LicenseClass.Proprietary }
            )
            .Select(x => (x.Model, x.View, Size: x.Facts[0]))
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
        var lines = ranked.Select(x => FactLines.For(x.Size, book, x.View, x.Model.Name)!).ToList();
        var headline =
            $"{ranked[0].Model.Name} is the largest released open-weights model in the knowledge base ({lines[0].Value} total parameters).";
        return new Answer(
            AnswerKind.List,
            "Largest open-weights models",
            headline,
            lines,
            book.Citations,
            [
                "Ranked by each model's best-sourced total parameter count, among models whose weights are out under a non-proprietary license.",
            ]
        )
        {
            Lead = new LeadLine(
                $"Largest open-weights model: {ranked[0].Model.Name} ({lines[0].Value} total)",
                [lines[0].Assessment ?? "", .. lines.Skip(1).Select(l => $"{l.Label.Split(" — ")[0]}: {l.Value}")]
            ),
            Actions = LeadLines.Actions(ranked[0].Model, lines[0].Dispute is not null),
        };
    }
}
