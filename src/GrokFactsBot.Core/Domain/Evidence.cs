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
/// How far one claim can be trusted on its own, from who speaks (source kind) and how they know (basis). The one
/// place confidence is decided; weighing sides and disputes builds on it.
/// </summary>
public static class ConfidenceRule
{
    public static Confidence Of(Claim claim, Source source) => Of(source.Kind, Evidence.BasisOf(claim, source));

    public static Confidence Of(SourceKind kind, Basis basis) =>
        (kind, basis) switch
        {
            (_, Basis.Rumour or Basis.Estimate) => Confidence.Speculative,
            (SourceKind.Commentary, _) => Confidence.Speculative,
            (SourceKind.Primary, Basis.Official) => Confidence.Confirmed,
            (SourceKind.Primary, Basis.Statement) => Confidence.Claimed,
            (SourceKind.Primary, Basis.Promise) => Confidence.Likely,
            (_, Basis.Statement or Basis.Promise) => Confidence.Claimed,
            _ => Confidence.Likely,
        };
}
