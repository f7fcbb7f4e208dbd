using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Domain;

/// <summary>Where a knowledge row came from: a knowledge file (by its path) or a chat command.</summary>
public sealed record Origin(string Kind, string Name)
{
    public static Origin File(string relativePath) => new("file", relativePath);

    public static readonly Origin Chat = new("chat", "chat");
    public bool IsFile => Kind == "file";
}

public sealed record Model(
    string Id,
    string Name,
    string Developer,
    string Family,
    ModelStatus Status,
    DateOnly? StatusAsOf,
    IReadOnlyList<string> Aliases,
    string? Summary,
    Origin Origin,
    string? Scope = null
);

public sealed record Source(
    string Id,
    string Url,
    string Title,
    string Publisher,
    DateValue? Published,
    DateOnly? Retrieved,
    SourceKind Kind,
    Origin Origin,
    Basis? Basis = null,
    string? Attribution = null,
    string? Scope = null
)
{
    /// <summary>The basis of this source's claims unless a claim says otherwise (an X post: statement).</summary>
    public Basis? Basis { get; init; } = Basis;

    /// <summary>Credit its licence requires wherever its values show, e.g. "Data: Epoch AI, CC BY 4.0".</summary>
    public string? Attribution { get; init; } = Attribution;

    /// <summary>The server or workspace whose admin created this source; null for the shared base.</summary>
    public string? Scope { get; init; } = Scope;
}

/// <summary>
/// One source saying one thing about one model. <see cref="DisputeReason"/> is set when an admin has disputed the
/// claim from chat (Wikidata's "statement disputed by"); it comes from a <see cref="ClaimRanking"/>, not the file.
/// </summary>
public sealed record Claim(
    string Id,
    string ModelId,
    ModelAttribute Attribute,
    FactValue Value,
    Qualifier Qualifier,
    string SourceId,
    string? Quote,
    Rank Rank,
    string? RankReason,
    string? Note,
    string AddedBy,
    DateTimeOffset AddedAt,
    Origin Origin,
    string? Scope = null,
    string? DisputeReason = null,
    Basis? Basis = null
)
{
    /// <summary>How the source knows this; null takes the source's (see <see cref="Evidence.BasisOf"/>).</summary>
    public Basis? Basis { get; init; } = Basis;
}

/// <summary>
/// A rank (and optional dispute) an admin set from chat. Kept apart from the claim so a knowledge-file import,
/// which rewrites the claims a file owns, can never undo a curator's decision.
/// </summary>
public sealed record ClaimRanking(string ClaimId, string ModelId, Rank Rank, string? RankReason, string? DisputeReason);
