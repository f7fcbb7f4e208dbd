using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Asking;

/// <summary>
/// Questions that want a yes or a no get one first, then the evidence: "No — Grok 4 is API-only; no weights have
/// been published (as of 25 Nov 2026)". Each answer is the topic's facts answer with line one replaced.
/// </summary>
public sealed class YesNoAnswers(KnowledgeQueries queries, LargestModels largest)
{
    private static readonly Topic[] Openness = [Topics.License, Topics.Release];

    /// <summary>"Is X open weights?", "did they open-source X yet?", "can I download X?"</summary>
    public Answer IsOpen(Model model, Audience audience, bool openSource)
    {
        var view = queries.View(model, audience);
        var status = ReleaseStatus.Of(view);
        var license = view[ModelAttribute.License].Lead?.Best.Value as LicenseValue;
        var planned = view[ModelAttribute.PlannedOpenWeights];
        var answer = queries.Facts(model, audience, Openness);
        string verdict;
        var context = new List<string>();
        if (status.OpenWeights is { } published)
        {
            var osi = license?.Class == LicenseClass.OsiOpenSource;
            verdict =
                openSource && license is not null && !osi
                    ? $"Open weights, but not open source — {model.Name}'s weights were published {published.Display} under {license.Display} ({license.ClassDisplay})"
                    : $"Yes — {model.Name}'s weights were published {published.Display}"
                        + (license is null ? "" : $" under {license.Display} ({license.ClassDisplay})");
            context.Add(FactLines.Assessment(view[ModelAttribute.OpenWeightsDate], view.Context));
        }
        else if (planned.Lead is not null)
        {
            var (claim, source) = planned.Lead.BestEvidence;
            var overdue = ConfidenceRule.IsOverdue(claim, source, view.Context);
            verdict = overdue
                ? $"No — {model.Name}'s weights have not been published; the promise of open weights {claim.Value.Display} is overdue (as of {view.AsOfText})"
                : $"Not yet — {model.Name}'s weights are promised {claim.Value.Display}; none published as of {view.AsOfText}";
            context.Add(FactLines.Assessment(planned, view.Context));
        }
        else
            verdict =
                status.Api is not null
                    ? $"No — {model.Name} is API-only; no weights have been published (as of {view.AsOfText})"
                    : $"No — no weights of {model.Name} have been published (as of {view.AsOfText})";
        return WithVerdict(answer, verdict, context);
    }

    /// <summary>"Is X out?", "has X been released?": from the dated claims.</summary>
    public Answer IsReleased(Model model, Audience audience)
    {
        var view = queries.View(model, audience);
        var status = ReleaseStatus.Of(view);
        var verdict = status.Stage switch
        {
            ReleaseStage.Retired => $"It was — {model.Name} was retired {status.Retired!.Display}",
            ReleaseStage.ApiAvailable or ReleaseStage.OpenWeightsReleased => $"Yes — {model.Name}: {status.Text}",
            _ => $"No — {model.Name} has not been released: {status.Text}",
        };
        return WithVerdict(queries.Facts(model, audience, [Topics.Release]), verdict, []);
    }

    /// <summary>"Is X made by Meta?": the developer on record against the one named.</summary>
    public Answer IsMadeBy(Model model, Audience audience, string developer)
    {
        var answer = queries.Facts(model, audience, [Topics.Developer]);
        var recorded = answer.Facts.FirstOrDefault(f => f.Label == ModelAttribute.Developer.Label())?.Value ?? model.Developer;
        var same = Names.Key(recorded).Contains(Names.Key(developer.Split('(')[0]), StringComparison.Ordinal);
        var verdict = same ? $"Yes — {model.Name} is made by {recorded}" : $"No — {model.Name} is made by {recorded}, not {developer}";
        return WithVerdict(answer, verdict, []);
    }

    /// <summary>"Is X the largest open model?": the ranking, not anyone's say-so.</summary>
    public Answer IsLargest(Model model, Audience audience, bool openOnly)
    {
        var ranking = largest.Rank(audience, null, null, openOnly, null);
        var first = ranking.Facts.Count > 0 ? ranking.Facts[0] : null;
        var kind = openOnly ? "open-weights model" : "model";
        var top = first is null ? "" : $"{first.Label.Split(" — ")[0]} ({first.Value} total)";
        var verdict =
            first is null ? $"Can't say — no {kind} with a known size is recorded"
            : first.Label.StartsWith(model.Name + " — ", StringComparison.Ordinal)
                ? $"Yes — {model.Name} is the largest {kind} in the knowledge base: {first.Value} total"
            : $"No — the largest {kind} in the knowledge base is {top}";
        return WithVerdict(ranking, verdict, ranking.Lead?.Context ?? []);
    }

    private static Answer WithVerdict(Answer answer, string verdict, IReadOnlyList<string> context)
    {
        var lead = new LeadLine(verdict, context.Where(c => c.Length > 0).ToList());
        return answer with { Lead = lead, Headline = LeadLines.Text(lead) };
    }
}
