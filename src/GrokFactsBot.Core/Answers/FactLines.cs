using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>Turns a weighed fact into the line an answer shows, citing as it goes.</summary>
internal static class FactLines
{
    public static FactLine? For(FactAnalysis fact, CitationBook book, string? labelPrefix = null)
    {
        if (fact.Sides.Count == 0)
            return null;
        var label = labelPrefix is null
            ? fact.Attribute.Label()
            : $"{labelPrefix} — {fact.Attribute.Label().ToLowerInvariant()}";
        var lead = fact.Lead;
        var shown = lead ?? fact.Sides[0];
        var cites = (lead is null ? fact.Sides.SelectMany(s => s.Claims) : lead.Claims)
            .Select(c => book.Cite(c.Source, c.Claim.Quote))
            .Distinct()
            .Order()
            .ToList();
        var value = lead is null ? "sources disagree" : Describe(lead.BestEvidence);
        var dispute = fact.IsDisputed ? Dispute(fact, book) : null;
        var scoped = shown.Claims.Any(c => c.Claim.Scope is not null)
            ? "added by this server's admins; not in the shared base"
            : null;
        return new FactLine(label, value, fact.Confidence, cites, dispute, lead?.Best.Note, scoped);
    }

    public static string Describe((Claim Claim, Source Source) evidence) => Describe(evidence.Claim, evidence.Source);

    public static string Describe(Claim claim, Source source)
    {
        var value = claim.Value is LicenseValue license
            ? $"{license.Display} ({license.ClassDisplay})"
            : claim.Value.Display;
        if (claim.Qualifier == Qualifier.Approximate && !value.StartsWith('≈'))
            value = $"≈{value}";
        return Evidence.BasisOf(claim, source) switch
        {
            Basis.Rumour => $"{value} (rumoured, not disclosed)",
            Basis.Promise => $"{value} (planned)",
            _ => value,
        };
    }

    private static DisputeNote Dispute(FactAnalysis fact, CitationBook book)
    {
        var sides = fact
            .Sides.Select(side => new DisputeSide(
                Describe(side.BestEvidence),
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
            $"{string.Join(", ", s.Claims.Select(c => c.Publisher).Distinct())} say{(s.Claims.Select(c => c.Publisher).Distinct().Count() == 1 ? "s" : "")} {s.Value} {string.Concat(s.Claims.Select(c => c.Cite).Distinct().Order().Select(n => $"[{n}]"))}"
        );
        var verdict =
            fact.Lead is null ? "No source outranks the others, so no value is given."
            : fact.Lead.HasPreferred ? "The bot leads with the claim marked preferred."
            : fact.Lead.HasPrimary ? "The bot leads with the model maker's own word."
            : $"The bot leads with the better-sourced side ({fact.Lead.StrongestSource.ToString().ToLowerInvariant()} over {(fact.Lead.StrongestSource == SourceKind.Secondary ? "commentary" : "weaker")} sources).";
        return new DisputeNote($"Sources disagree: {string.Join("; ", parts)}. {verdict}{questioned}", sides);
    }
}
