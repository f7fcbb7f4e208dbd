using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>One value and every live claim that agrees with it.</summary>
public sealed record Side(IReadOnlyList<(Claim Claim, Source Source)> Claims)
{
    // Read-only (no init), so a copy can never keep the best claim of other claims. Worked out once: a side lives in
    // a cached model view and is read by every answer about the model.
    public IReadOnlyList<(Claim Claim, Source Source)> Claims { get; } = Claims;

    public Claim Best => BestEvidence.Claim;

    /// <summary>The claim this side is shown by: preferred rank first, then the most trusted, then the most exact.</summary>
    public (Claim Claim, Source Source) BestEvidence { get; } =
        First(Claims, c => (c.Claim.Rank, StrengthOf(c), c.Claim.Qualifier));

    public bool HasPreferred { get; } = Claims.Any(c => c.Claim.Rank == Rank.Preferred);

    public bool HasPrimary => Claims.Any(c => c.Source.Kind == SourceKind.Primary);

    public SourceKind StrongestSource => Claims.Min(c => c.Source.Kind);

    /// <summary>How strongly the best claim of this side is backed (see <see cref="ConfidenceRule.Strength"/>).</summary>
    public (bool Speculative, SourceKind Kind, Confidence Confidence) Strength { get; } =
        StrengthOf(First(Claims, StrengthOf));

    private static (bool, SourceKind, Confidence) StrengthOf((Claim Claim, Source Source) c) =>
        ConfidenceRule.Strength(c.Claim, c.Source);

    /// <summary>The first claim with the least key: what a stable sort by that key would put first.</summary>
    private static (Claim Claim, Source Source) First<TKey>(
        IReadOnlyList<(Claim Claim, Source Source)> claims,
        Func<(Claim Claim, Source Source), TKey> key
    )
        where TKey : IComparable<TKey>
    {
        var best = claims[0];
        var least = key(best);
        for (var i = 1; i < claims.Count; i++)
            if (key(claims[i]) is var candidate && candidate.CompareTo(least) < 0)
                (best, least) = (claims[i], candidate);
        return best;
    }
}

/// <summary>
/// What the sources say about one attribute of one model, weighed: the claims grouped into sides that agree
/// (precision-aware), the side the bot leads with, and how sure it is.
/// </summary>
public sealed record FactAnalysis(
    ModelAttribute Attribute,
    IReadOnlyList<Side> Sides,
    Side? Lead,
    Confidence Confidence
)
{
    /// <summary>Claims that the developer has not disclosed this; they stand beside any rumoured figure.</summary>
    public IReadOnlyList<(Claim Claim, Source Source)> Undisclosed { get; init; } = [];

    /// <summary>Something is recorded: a value, or that it is not disclosed.</summary>
    public bool IsRecorded => Sides.Count > 0 || Undisclosed.Count > 0;

    /// <summary>Sources disagree, or an admin has disputed a live claim.</summary>
    public bool IsDisputed => Sides.Count > 1 || Questioned.Count > 0;

    /// <summary>Live claims an admin disputed from chat, with their reasons.</summary>
    public IReadOnlyList<Claim> Questioned { get; } =
        Sides.SelectMany(s => s.Claims).Select(c => c.Claim).Where(c => c.DisputeReason is not null).ToList();

    public static FactAnalysis Of(
        ModelAttribute attribute,
        IEnumerable<(Claim Claim, Source Source)> claims,
        EvidenceContext? context = null
    )
    {
        var all = claims.Where(c => c.Claim.Attribute == attribute && c.Claim.Rank != Rank.Deprecated).ToList();
        var undisclosed = all.Where(c => c.Claim.Value is NotDisclosed).ToList();
        var live = all.Where(c => c.Claim.Value is not NotDisclosed)
            .OrderBy(c => c.Claim.Rank)
            .ThenBy(c => ConfidenceRule.Strength(c.Claim, c.Source))
            .ThenBy(c => c.Claim.Id, StringComparer.Ordinal)
            .ToList();
        var groups = new List<List<(Claim Claim, Source Source)>>();
        foreach (var claim in live)
        {
            var group = groups.FirstOrDefault(g => g.All(other => other.Claim.Value.AgreesWith(claim.Claim.Value)));
            if (group is null)
                groups.Add([claim]);
            else
                group.Add(claim);
        }
        var sides = groups.Select(g => new Side(g)).ToList();
        var lead = ChooseLead(sides);
        return new FactAnalysis(attribute, sides, lead, Weigh(sides, lead, context)) { Undisclosed = undisclosed };
    }

    /// <summary>
    /// Preferred rank wins; else the one side backed most strongly by the confidence rule (anything with a basis over
    /// rumour and commentary, then primary over secondary over datasets); when the best-backed sides tie, no winner.
    /// </summary>
    private static Side? ChooseLead(List<Side> sides)
    {
        if (sides.Count <= 1)
            return sides.FirstOrDefault();
        var preferred = sides.Where(s => s.HasPreferred).ToList();
        if (preferred.Count > 0)
            return preferred.Count == 1 ? preferred[0] : null;
        var strongest = sides.Min(s => s.Strength);
        var best = sides.Where(s => s.Strength == strongest).ToList();
        return best.Count == 1 ? best[0] : null;
    }

    private static Confidence Weigh(List<Side> sides, Side? lead, EvidenceContext? context)
    {
        if (sides.Count == 0)
            return Confidence.Unknown;
        if (lead is null || lead.Claims.All(c => c.Claim.DisputeReason is not null))
            return Confidence.Disputed;
        return lead.Claims.Min(c =>
            context is null ? ConfidenceRule.Of(c.Claim, c.Source) : ConfidenceRule.Of(c.Claim, c.Source, context)
        );
    }
}
