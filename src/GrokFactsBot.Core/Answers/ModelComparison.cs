using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Values;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// Two models side by side, and which is larger only when their size ranges don't overlap, with the ratio those
/// ranges allow; a side that is disputed or only claimed says so in the verdict.
/// </summary>
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
        // "compare llama 3.1 405b grok 1" arrives split at the wrong word: find the names in the whole text.
        if (a is not R.Found || b is not R.Found)
        {
            var mentions = resolver.FindMentions($"{first} {second}", audience);
            if (mentions.Count == 2 && mentions.All(m => m.Resolution is R.Found))
                (a, b) = (mentions[0].Resolution, mentions[1].Resolution);
        }
        if (a is not R.Found foundA)
            return KnowledgeQueries.NotFound(a);
        if (b is not R.Found foundB)
            return KnowledgeQueries.NotFound(b);
        return Compare(foundA.Model, foundB.Model, audience);
    }

    public Answer Compare(Model first, Model second, Audience audience) =>
        Build(first, second, audience, yesNo: null);

    /// <summary>"Is A larger than B?" (or smaller): yes, no, or why it can't be said.</summary>
    public Answer IsLarger(Model first, Model second, Audience audience, bool askSmaller) =>
        Build(first, second, audience, yesNo: askSmaller);

    private Answer Build(Model first, Model second, Audience audience, bool? yesNo)
    {
        var book = new CitationBook();
        var (viewA, viewB) = (queries.View(first, audience), queries.View(second, audience));
        var lines = Compared
            .SelectMany(attr =>
                new[]
                {
                    FactLines.For(viewA[attr], book, viewA, first.Name),
                    FactLines.For(viewB[attr], book, viewB, second.Name),
                }
            )
            .OfType<FactLine>()
            .ToList();
        var verdict = SizeVerdict.Of(viewA, viewB);
        var answerText = yesNo is { } smaller ? verdict.YesNo(first, smaller) : verdict.Text;
        var lead = new LeadLine(answerText, verdict.Hedges);
        return new Answer(
            AnswerKind.Facts,
            $"{first.Name} vs {second.Name}",
            LeadLines.Text(lead),
            lines,
            book.Citations,
            []
        )
        {
            Lead = lead,
            Actions =
            [
                new AnswerAction($"Sources: {first.Name}", $"sources {first.Id}"),
                new AnswerAction($"Sources: {second.Name}", $"sources {second.Id}"),
            ],
        };
    }
}

/// <summary>
/// Which of two models is larger by total parameters: from the ranges their figures stand for (precision-aware), so
/// 1T and 671B differ and "about 270B" and "268B" don't; hedged with each side's confidence in words.
/// </summary>
internal sealed record SizeVerdict(string Text, Model? Larger, IReadOnlyList<string> Hedges)
{
    public static SizeVerdict Of(ModelView a, ModelView b)
    {
        var (sizeA, sizeB) = (a[ModelAttribute.TotalParameters], b[ModelAttribute.TotalParameters]);
        var hedges = new[] { Hedge(a, sizeA), Hedge(b, sizeB) }.OfType<string>().ToList();
        if (sizeA.Lead?.Best.Value is not ParameterCount pa || sizeB.Lead?.Best.Value is not ParameterCount pb)
            return new SizeVerdict(
                $"Their sizes can't be compared: {Missing(a, sizeA)}{Missing(b, sizeB)}".TrimEnd(' ', ';') + ".",
                null,
                hedges
            );
        var (ra, rb) = (pa.Magnitude.Range, pb.Magnitude.Range);
        if (ra.Overlaps(rb))
            return new SizeVerdict(
                $"{a.Model.Name} and {b.Model.Name} are about the same size: {pa.Display} vs {pb.Display} total parameters",
                null,
                hedges
            );
        var aLarger = ra.Low > rb.High;
        var (big, small, bigP, smallP, bigR, smallR) = aLarger ? (a, b, pa, pb, ra, rb) : (b, a, pb, pa, rb, ra);
        return new SizeVerdict(
            $"{big.Model.Name} is larger: {bigP.Display} vs {smallP.Display} total parameters ({Ratio(bigR, smallR)})",
            big.Model,
            hedges
        );
    }

    /// <summary>The answer to "is <paramref name="first"/> larger (or smaller) than the other?".</summary>
    public string YesNo(Model first, bool askSmaller) =>
        Larger is null ? $"Can't say — {Text}"
        : (Larger.Id == first.Id) != askSmaller ? $"Yes — {Text}"
        : $"No — {Text}";

    /// <summary>"≈1.5×" when the ranges pin it down, "1.3–1.7×" when they don't.</summary>
    public static string Ratio(Values.Range big, Values.Range small)
    {
        var low = big.Low / Math.Max(small.High, 1);
        var high = big.High / Math.Max(small.Low, 1);
        return high / low < 1.1 ? $"≈{(low + high) / 2:0.#}×" : $"{low:0.#}–{high:0.#}×";
    }

    // A comparison's line one says how each hedged figure is known, in a few words; the model's own answer has the rest.
    private static string? Hedge(ModelView view, FactAnalysis size) =>
        size.Sides.Count == 0 ? null
        : size.Lead is null ? null // the verdict says so: the sizes can't be compared
        : size.IsDisputed ? $"{view.Model.Name}'s size is disputed; this uses the leading figure ({LeadWords(view, size)})"
        : size.Confidence is Confidence.Confirmed or Confidence.Likely ? null
        : $"{view.Model.Name}'s figure: {LeadWords(view, size)}";

    private static string LeadWords(ModelView view, FactAnalysis size)
    {
        var (claim, source) = size.Lead!.BestEvidence;
        return ConfidenceRule.Brief(claim, source, view.Context);
    }

    private static string Missing(ModelView view, FactAnalysis size) =>
        size is { Sides.Count: 0, IsRecorded: true } ? $"{view.Model.Name}'s size is not disclosed; "
        : size.Sides.Count == 0 ? $"{view.Model.Name}'s size is not in the knowledge base; "
        : size.Lead is null ? $"{view.Model.Name}'s size is disputed (sources disagree and none outranks the others); "
        : "";
}
