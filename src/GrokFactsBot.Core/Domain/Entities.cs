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
    Origin Origin
);

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
    string? DisputeReason = null
);

/// <summary>
/// A rank (and optional dispute) an admin set from chat. Kept apart from the claim so a knowledge-file import,
/// which rewrites the claims a file owns, can never undo a curator's decision.
/// </summary>
public sealed record ClaimRanking(string ClaimId, string ModelId, Rank Rank, string? RankReason, string? DisputeReason);
