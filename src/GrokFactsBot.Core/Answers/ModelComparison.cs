using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>Two models side by side, and which is larger when their sizes are known well enough to say.</summary>
public sealed class ModelComparison(KnowledgeQueries queries, ModelResolver resolver)
{
    private static readonly ModelAttribute[] Compared =
    [
        ModelAttribute.Developer,
        ModelAttribute.TotalParameters,
        ModelAttribute.ActiveParameters,
        ModelAttribute.ContextLength,
        ModelAttribute.License,
        ModelAttribute.AnnouncedDate,
        ModelAttribute.OpenWeightsDate,
    ];

    public Answer Compare(string first, string second, Audience audience)
    {
        var (a, b) = (resolver.Resolve(first, audience), resolver.Resolve(second, audience));
        // "compare llama 3.1 405b grok 1" arrives split at the wrong word: try every split of the words.
        if (a is not Resolution.Resolution.Found || b is not Resolution.Resolution.Found)
        {
            var words = $"{first} {second}".Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var split = 1; split < words.Length; split++)
            {
                var (x, y) = (
                    resolver.Resolve(string.Join(' ', words[..split]), audience),
                    resolver.Resolve(string.Join(' ', words[split..]), audience)
                );
                if (x is Resolution.Resolution.Found && y is Resolution.Resolution.Found)
                {
                    (a, b) = (x, y);
                    break;
                }
            }
        }
        if (a is not Resolution.Resolution.Found foundA)
            return KnowledgeQueries.NotFound(a);
        if (b is not Resolution.Resolution.Found foundB)
            return KnowledgeQueries.NotFound(b);
        var book = new CitationBook();
        var (viewA, viewB) = (queries.View(foundA.Model, audience), queries.View(foundB.Model, audience));
        var (left, right) = (viewA.Analyse(Compared), viewB.Analyse(Compared));
        var lines = Compared
            .SelectMany(attr =>
                new[]
                {
                    FactLines.For(left.First(f => f.Attribute == attr), book, viewA, foundA.Model.Name),
                    FactLines.For(right.First(f => f.Attribute == attr), book, viewB, foundB.Model.Name),
                }
            )
            .OfType<FactLine>()
            .ToList();
        var verdict = SizeVerdict(foundA.Model, left, foundB.Model, right);
        return new Answer(
            AnswerKind.Facts,
            $"{foundA.Model.Name} vs {foundB.Model.Name}",
            verdict,
            lines,
            book.Citations,
            []
        )
        {
            Lead = new LeadLine(verdict, []),
            Actions =
            [
                new AnswerAction($"Sources: {foundA.Model.Name}", $"sources {foundA.Model.Id}"),
                new AnswerAction($"Sources: {foundB.Model.Name}", $"sources {foundB.Model.Id}"),
            ],
        };
    }

    private static string SizeVerdict(
        Model a,
        IReadOnlyList<FactAnalysis> left,
        Model b,
        IReadOnlyList<FactAnalysis> right
    )
    {
        var sizeA = left.First(f => f.Attribute == ModelAttribute.TotalParameters);
        var sizeB = right.First(f => f.Attribute == ModelAttribute.TotalParameters);
        if (sizeA.Lead?.Best.Value is not ParameterCount pa || sizeB.Lead?.Best.Value is not ParameterCount pb)
            return $"Their sizes can't be compared: {Missing(a, sizeA)}{Missing(b, sizeB)}".TrimEnd(' ', ';') + ".";
        var (ra, rb) = (pa.Magnitude.Range, pb.Magnitude.Range);
        var hedge =
            sizeA.Confidence is Confidence.Confirmed && sizeB.Confidence is Confidence.Confirmed
                ? ""
                : " (by the best available figures; see confidence)";
        if (ra.Overlaps(rb))
            return $"{a.Name} and {b.Name} are about the same size ({pa.Display} vs {pb.Display} total parameters){hedge}.";
        var (big, small, bigP, smallP) = ra.Low > rb.High ? (a, b, pa, pb) : (b, a, pb, pa);
        return $"{big.Name} is larger: {bigP.Display} vs {smallP.Display} total parameters (≈{bigP.Magnitude.Value / smallP.Magnitude.Value:0.#}×){hedge}.";
    }

    private static string Missing(Model model, FactAnalysis size) =>
        size.Sides.Count == 0 ? $"{model.Name}'s size is not in the knowledge base; "
        : size.Lead is null ? $"{model.Name}'s size is disputed; "
        : "";
}
