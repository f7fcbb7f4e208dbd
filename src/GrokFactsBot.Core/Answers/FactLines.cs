using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>Turns a weighed fact into the line an answer shows, citing as it goes.</summary>
internal static class FactLines
{
    public static FactLine? For(FactAnalysis fact, CitationBook book, ModelView view, string? labelPrefix = null)
    {
        if (!fact.IsRecorded)
            return null;
        var label = labelPrefix is null
            ? fact.Attribute.Label()
            : $"{labelPrefix} — {fact.Attribute.Label().ToLowerInvariant()}";
        if (fact.Sides.Count == 0)
            return Undisclosed(fact, book, view, label);
        var lead = fact.Lead;
        var shown = lead ?? fact.Sides[0];
        var cites = (lead is null ? fact.Sides.SelectMany(s => s.Claims) : lead.Claims)
            .Concat(fact.Undisclosed)
            .Select(c => book.Cite(c.Source, c.Claim.Quote))
            .Distinct()
            .Order()
            .ToList();
        var value = lead is null ? "sources disagree" : Describe(lead.BestEvidence, view.Context);
        var dispute = fact.IsDisputed ? Dispute(fact, book, view.Context) : null;
        var scoped = shown.Claims.Any(c => c.Claim.Scope is not null)
            ? "added by this server's admins; not in the shared base"
            : null;
        return new FactLine(
            label,
            value,
            fact.Confidence,
            cites,
            dispute,
            lead?.Best.Note,
            scoped,
            Assessment(fact, view.Context)
        );
    }

    /// <summary>
    /// The confidence of a weighed fact in words: its leading claim's, whether others disagree, and who says the
    /// developer has not disclosed it.
    /// </summary>
    public static string Assessment(FactAnalysis fact, EvidenceContext context)
    {
        var undisclosed = fact.Undisclosed.Count == 0 ? "" : "; " + NotDisclosedWords(fact, context);
        if (fact.Sides.Count == 0)
            return NotDisclosedWords(fact, context);
        if (fact.Lead is null)
            return "sources disagree and none outranks the others" + undisclosed;
        var (claim, source) = fact.Lead.BestEvidence;
        var words = ConfidenceRule.Words(claim, source, context);
        var questioned = fact.Questioned.Count > 0 ? "; disputed by an admin" : "";
        return (fact.Sides.Count > 1 ? $"{words}; other sources disagree{questioned}" : words + questioned) + undisclosed;
    }

    private static string NotDisclosedWords(FactAnalysis fact, EvidenceContext context)
    {
        var (claim, source) = fact.Undisclosed.MinBy(c => ConfidenceRule.Strength(c.Claim, c.Source));
        var who = ConfidenceRule.Speaker(source).Who;
        return source.Kind == SourceKind.Primary && Evidence.BasisOf(claim, source) == Basis.Official
            ? $"{context.Developer} has not disclosed it ({who})"
            : $"not disclosed by {context.Developer}, says {who}";
    }

    private static FactLine Undisclosed(FactAnalysis fact, CitationBook book, ModelView view, string label)
    {
        var best = fact.Undisclosed.MinBy(c => ConfidenceRule.Strength(c.Claim, c.Source));
        var cites = fact.Undisclosed.Select(c => book.Cite(c.Source, c.Claim.Quote)).Distinct().Order().ToList();
        return new FactLine(
            label,
            "not disclosed",
            ConfidenceRule.Of(best.Claim, best.Source),
            cites,
            Note: best.Claim.Note,
            Assessment: NotDisclosedWords(fact, view.Context)
        );
    }

    public static string Describe((Claim Claim, Source Source) evidence, EvidenceContext? context = null) =>
        Describe(evidence.Claim, evidence.Source, context);

    public static string Describe(Claim claim, Source source, EvidenceContext? context = null)
    {
        var value = claim.Value is LicenseValue license
            ? $"{license.Display} ({license.ClassDisplay})"
            : claim.Value.Display;
        if (claim.Qualifier == Qualifier.Approximate && !value.StartsWith('≈'))
            value = $"≈{value}";
        return Evidence.BasisOf(claim, source) switch
        {
            Basis.Rumour => $"{value} (rumoured, not disclosed)",
            Basis.Promise when context is not null && ConfidenceRule.IsOverdue(claim, source, context) =>
                $"{value} (promised; overdue)",
            Basis.Promise => $"{value} (planned)",
            _ => value,
        };
    }

    private static DisputeNote Dispute(FactAnalysis fact, CitationBook book, EvidenceContext context)
    {
        var sides = fact
            .Sides.Select(side => new DisputeSide(
                Describe(side.BestEvidence, context),
                side.Claims.Select(c => new ClaimRef(
                        c.Claim.Id,
                        book.Cite(c.Source, c.Claim.Quote),
                        c.Source.Publisher
                    ))
                    .ToList(),
                side == fact.Lead
            ))
            .ToList();
        var questioned = string.Concat(
            fact.Questioned.Select(c => $" Claim {c.Id} is disputed by an admin: {c.DisputeReason}.")
        );
        if (fact.Sides.Count == 1)
            return new DisputeNote(questioned.TrimStart(), sides);
        var parts = sides.Select(s =>
        {
            var publishers = s.Claims.Select(c => c.Publisher).Distinct().ToList();
            var cites = string.Concat(s.Claims.Select(c => c.Cite).Distinct().Order().Select(n => $"[{n}]"));
            return $"{string.Join(", ", publishers)} say{(publishers.Count == 1 ? "s" : "")} {s.Value} {cites}";
        });
        return new DisputeNote($"Sources disagree: {string.Join("; ", parts)}. {Verdict(fact)}{questioned}", sides);
    }

    private static string Verdict(FactAnalysis fact) =>
        fact.Lead is null ? "No source outranks the others, so no value is given."
        : fact.Lead.HasPreferred ? "The bot leads with the claim marked preferred."
        : fact.Lead.HasPrimary ? "The bot leads with the model maker's own word."
        : "The bot leads with the better-backed side (a source that says how it knows, over rumour and commentary).";
}
