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

    /// <summary>Line one: the value asked for, then its context. Null for plain messages (they have a headline).</summary>
    public LeadLine? Lead { get; init; }

    /// <summary>What one click opens: sources, the dispute's evidence, the full card; answered privately.</summary>
    public IReadOnlyList<AnswerAction> Actions { get; init; } = [];

    /// <summary>A picture that is the answer (the timeline chart), sent as an attachment with the text as caption.</summary>
    public AnswerImage? Image { get; init; }

    /// <summary>Credit the licences of cited datasets require wherever their values show ("Data: Epoch AI, CC BY 4.0").</summary>
    public IReadOnlyList<string> Attributions =>
        Citations.Select(c => c.Attribution).OfType<string>().Distinct().ToList();

    public static Answer Message(AnswerKind kind, string title, string text, params string[] notes) =>
        new(kind, title, text, [], [], notes);
}

/// <summary>A PNG an answer carries: its file name, its bytes, and a description for screen readers.</summary>
public sealed record AnswerImage(string FileName, byte[] Png, string Description);

/// <summary>One line of an answer: "Total parameters: 314B [1][2]", with confidence and any dispute.</summary>
public sealed record FactLine(
    string Label,
    string Value,
    Confidence Confidence,
    IReadOnlyList<int> Cites,
    DisputeNote? Dispute = null,
    string? Note = null,
    string? ScopeLabel = null,
    string? Assessment = null
)
{
    /// <summary>Confidence in words a user understands ("xAI's CEO said so on X; no xAI document gives it").</summary>
    public string? Assessment { get; init; } = Assessment;
}

/// <summary>
/// Line one of an answer: <see cref="Answer"/> is shown in bold ("Grok-1: 314B total"), then each piece of
/// <see cref="Context"/> ("~86B active (2 of 8 experts)", "confirmed by xAI"), separated by " · ".
/// </summary>
public sealed record LeadLine(string Answer, IReadOnlyList<string> Context);

/// <summary>
/// A button under an answer. <see cref="Command"/> is the text command whose answer it opens ("sources grok-2"),
/// run for whoever clicks and shown only to them.
/// </summary>
public sealed record AnswerAction(string Label, string Command);

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
    string? Quote,
    string? Attribution = null
);
