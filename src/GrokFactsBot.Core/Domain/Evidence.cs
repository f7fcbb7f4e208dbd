using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Domain;

/// <summary>The rules that say how a source knows what a claim says; confidence builds on these.</summary>
public static class Evidence
{
    /// <summary>
    /// A claim's basis: its own, else its source's (an X post's claims are statements), else what the source's kind
    /// usually means.
    /// </summary>
    public static Basis BasisOf(Claim claim, Source source) => claim.Basis ?? source.Basis ?? DefaultFor(source.Kind);

    public static Basis DefaultFor(SourceKind kind) =>
        kind switch
        {
            SourceKind.Primary => Basis.Official,
            SourceKind.Dataset => Basis.Compiled,
            _ => Basis.Reported,
        };

    /// <summary>The words the knowledge files and chat commands use for each basis.</summary>
    public static string Key(this Basis basis) =>
        basis switch
        {
            Basis.Official => "official",
            Basis.Statement => "statement",
            Basis.Counted => "counted",
            Basis.Compiled => "compiled",
            Basis.Reported => "reported",
            Basis.Estimate => "estimate",
            Basis.Rumour => "rumour",
            _ => "promise",
        };

    public static bool TryParse(string? text, out Basis basis)
    {
        basis = default;
        var key = text?.Trim().ToLowerInvariant();
        if (key is "rumor" or "rumoured" or "rumored")
            key = "rumour";
        if (key is "planned" or "plan")
            key = "promise";
        foreach (var candidate in Enum.GetValues<Basis>())
            if (candidate.Key() == key)
            {
                basis = candidate;
                return true;
            }
        return false;
    }

    public static string KnownKeys => string.Join(", ", Enum.GetValues<Basis>().Select(b => b.Key()));
}

/// <summary>
/// How far one claim can be trusted on its own, from who speaks (source kind), how they know (basis), how precisely
/// (qualifier) and when (a promise whose date has passed). The one place confidence is decided, and the words that
/// explain it; weighing sides and disputes builds on it.
/// </summary>
public static class ConfidenceRule
{
    public static Confidence Of(Claim claim, Source source) => Of(source.Kind, Evidence.BasisOf(claim, source));

    public static Confidence Of(SourceKind kind, Basis basis) =>
        (kind, basis) switch
        {
            (_, Basis.Rumour or Basis.Estimate) => Confidence.Speculative,
            // Counted from published weights can be checked by anyone, whoever did the counting.
            (_, Basis.Counted) => Confidence.Likely,
            (SourceKind.Commentary, _) => Confidence.Speculative,
            (SourceKind.Primary, Basis.Official) => Confidence.Confirmed,
            (SourceKind.Primary, Basis.Statement) => Confidence.Claimed,
            (SourceKind.Primary, Basis.Promise) => Confidence.Likely,
            (_, Basis.Statement or Basis.Promise) => Confidence.Claimed,
            _ => Confidence.Likely,
        };

    /// <summary>
    /// A claim's confidence on <paramref name="context"/>'s day: a promise whose date has passed without the event is
    /// no longer likely, it is overdue (and nobody knows whether it will happen).
    /// </summary>
    public static Confidence Of(Claim claim, Source source, EvidenceContext context) =>
        IsOverdue(claim, source, context) ? Confidence.Unknown : Of(claim, source);

    /// <summary>
    /// The order sides are led by: anything with a basis beats rumour, estimate and commentary; then the developer
    /// over news over datasets over commentary; then the more certain basis. Lower is stronger.
    /// </summary>
    public static (bool Speculative, SourceKind Kind, Confidence Confidence) Strength(Claim claim, Source source)
    {
        var confidence = Of(claim, source);
        return (confidence == Confidence.Speculative, source.Kind, confidence);
    }

    public static bool IsOverdue(Claim claim, Source source, EvidenceContext context) =>
        Evidence.BasisOf(claim, source) == Basis.Promise
        && claim.Value is DateValue date
        && date.End < context.Today
        && !context.Happened(claim.Attribute);

    /// <summary>
    /// The confidence in words a user understands: "confirmed by xAI", "Elon Musk said so on X; no xAI document gives
    /// it", "counted from the published weights (approximate)", "overdue: promised by …, not done as of …".
    /// </summary>
    public static string Words(Claim claim, Source source, EvidenceContext context)
    {
        var (said, caveat) = Parts(claim, source, context);
        var words = caveat is null ? said : $"{said}; {caveat}";
        return IsApproximate(claim) ? words + " (approximate)" : words;
    }

    /// <summary>Only who says so ("a rumour (Banandre)", "an estimate by Epoch AI"), not who is silent.</summary>
    public static string Brief(Claim claim, Source source, EvidenceContext context) =>
        Parts(claim, source, context) is (var said, not null) ? said : Words(claim, source, context);

    private static bool IsApproximate(Claim claim) =>
        claim.Qualifier == Qualifier.Approximate || claim.Value is ParameterCount { Magnitude.IsApproximate: true };

    /// <summary>How the words for a passed promise begin ("overdue: promised by …").</summary>
    public const string OverduePrefix = "overdue: ";

    private static (string Said, string? Caveat) Parts(Claim claim, Source source, EvidenceContext context)
    {
        var (who, venue) = Speaker(source);
        var on = venue is null ? "" : $" on {venue}";
        var developer = context.Developer;
        var notYet = $"not done yet as of {context.CheckedText}";
        var noDocument = $"no {developer} document gives it";
        return (source.Kind, Evidence.BasisOf(claim, source)) switch
        {
            (SourceKind.Primary, Basis.Promise) when IsOverdue(claim, source, context) =>
                ($"{OverduePrefix}promised by {who}{on}, not done as of {context.CheckedText}", null),
            (SourceKind.Primary, Basis.Promise) => ($"promised by {who}{on}", notYet),
            (_, Basis.Promise) when IsOverdue(claim, source, context) => (
                $"{OverduePrefix}promised by {developer} (as reported by {who}), not done as of {context.CheckedText}",
                null
            ),
            (_, Basis.Promise) => ($"promised by {developer} (as reported by {who})", notYet),
            (_, Basis.Rumour) => ($"a rumour ({who})", $"{developer} has not disclosed it"),
            (_, Basis.Estimate) => ($"an estimate by {who}", $"{developer} has not disclosed it"),
            (_, Basis.Counted) => ($"counted from the published weights by {who}", null),
            (SourceKind.Commentary, _) => ($"only commentary says so ({who})", noDocument),
            (SourceKind.Primary, Basis.Statement) => ($"{who} said so{on}", noDocument),
            (_, Basis.Statement) => ($"{who} reports what {developer}'s people said", noDocument),
            (SourceKind.Primary, _) => ($"confirmed by {developer}", null),
            (_, Basis.Compiled) => ($"recorded in the {who} dataset", $"not checked against {developer}'s own documents"),
            _ => ($"reported by {who}", noDocument),
        };
    }

    /// <summary>"Elon Musk (X)" speaks on X; "xAI (GitHub)" is xAI on GitHub; others are just their name.</summary>
    public static (string Who, string? Venue) Speaker(Source source)
    {
        var publisher = source.Publisher.Trim();
        var open = publisher.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && publisher.EndsWith(')')
            ? (publisher[..open], publisher[(open + 2)..^1])
            : (publisher, null);
    }
}

/// <summary>
/// What the words about a claim depend on beyond the claim: whose model it is, what day it is, when the model's
/// sources were last checked, and which events (open weights, an API launch) have happened.
/// </summary>
public sealed record EvidenceContext(
    string Developer,
    DateOnly Today,
    DateOnly? LastChecked,
    Func<ModelAttribute, bool> Happened
)
{
    public string CheckedText =>
        (LastChecked ?? Today).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
