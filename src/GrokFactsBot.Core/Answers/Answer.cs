using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Answers;

public enum AnswerKind
{
    Facts,
    List,
    NotFound,
    Ambiguous,
    Usage,
    Refused,
    Done,
    Help,
}

/// <summary>
/// A platform-neutral answer: every front end renders this and nothing else. Facts carry their own citation
/// numbers and dispute notes so a renderer never has to weigh sources itself.
/// </summary>
public sealed record Answer(
    AnswerKind Kind,
    string Title,
    string? Headline,
    IReadOnlyList<FactLine> Facts,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Notes
)
{
    /// <summary>Errors, refusals and usage hints go only to the person who asked.</summary>
    public bool IsPrivate =>
        Kind is AnswerKind.NotFound or AnswerKind.Ambiguous or AnswerKind.Usage or AnswerKind.Refused;

    public bool HasDispute => Facts.Any(f => f.Dispute is not null);

    public static Answer Message(AnswerKind kind, string title, string text, params string[] notes) =>
        new(kind, title, text, [], [], notes);
}

/// <summary>One line of an answer: "Total parameters: 314B [1][2]", with confidence and any dispute.</summary>
public sealed record FactLine(
    string Label,
    string Value,
    Confidence Confidence,
    IReadOnlyList<int> Cites,
    DisputeNote? Dispute = null,
    string? Note = null,
    string? ScopeLabel = null
);

/// <summary>Sources disagree: each side is one value and the claims (by id and citation) that state it.</summary>
public sealed record DisputeNote(string Summary, IReadOnlyList<DisputeSide> Sides);

public sealed record DisputeSide(string Value, IReadOnlyList<ClaimRef> Claims, bool IsLead);

public sealed record ClaimRef(string ClaimId, int Cite, string Publisher);

public sealed record Citation(
    int Number,
    string Publisher,
    string Title,
    string? Published,
    string Url,
    SourceKind Kind,
    string? Quote
);
