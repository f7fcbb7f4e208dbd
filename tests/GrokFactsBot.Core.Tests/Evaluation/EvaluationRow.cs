using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Tests.Evaluation;

/// <summary>What an answer must say beyond a value.</summary>
[Flags]
public enum Says
{
    Nothing = 0,
    Disputed = 1,
    Claimed = 2,
    NotDisclosed = 4,
    NotInKnowledgeBase = 8,
    Overdue = 16,
    Yes = 32,
    No = 64,
    Ambiguous = 128,
    Unclear = 256,
}

/// <summary>
/// One question of the evaluation: what the answer must contain, what it must not, and what it must say. Values
/// are checked against what a user reads first (title and line one) unless <see cref="Anywhere"/> allows the
/// facts below it; "must not" is checked against line one and the facts, never the suggestions of a "did you mean".
/// </summary>
public sealed record EvaluationRow(
    string Class,
    string Question,
    string? Must = null,
    string? MustNot = null,
    Says Says = Says.Nothing,
    bool Anywhere = false
)
{
    public override string ToString() => $"[{Class}] {Question}";

    /// <summary>Why the answer fails this row, or null when it passes.</summary>
    public string? Check(Answer answer)
    {
        var first = FirstRead(answer);
        var all = $"{first}\n{Body(answer)}";
        var problems = new List<string>();
        if (Must is not null && !(Anywhere ? all : first).Contains(Must, StringComparison.OrdinalIgnoreCase))
            problems.Add($"does not say '{Must}'");
        if (MustNot is not null && Shown(answer).Contains(MustNot, StringComparison.OrdinalIgnoreCase))
            problems.Add($"says '{MustNot}'");
        foreach (var flag in Enum.GetValues<Says>().Where(f => f != Says.Nothing && Says.HasFlag(f)))
            if (!Holds(flag, answer, all))
                problems.Add($"does not say {flag}");
        return problems.Count == 0 ? null : $"{this}: {string.Join("; ", problems)}\n{first}";
    }

    private static string FirstRead(Answer answer) =>
        $"{answer.Title}\n{(answer.Lead is { } lead ? LeadLines.Text(lead) : answer.Headline)}";

    private static string Body(Answer answer) =>
        string.Join(
            "\n",
            answer
                .Facts.Select(f => $"{f.Label}: {f.Value} {f.Assessment} {f.Dispute?.Summary}")
                .Concat(answer.Notes)
                .Append(answer.Headline ?? "")
        );

    /// <summary>What the answer states as its answer: line one's bold part and the facts, not any suggestion.</summary>
    private static string Shown(Answer answer) =>
        answer.Kind is AnswerKind.NotFound or AnswerKind.Ambiguous or AnswerKind.Usage
            ? answer.Title
            : $"{answer.Title}\n{answer.Lead?.Answer}\n{string.Join("\n", answer.Facts.Select(f => $"{f.Label}: {f.Value}"))}";

    private static bool Holds(Says flag, Answer answer, string all) =>
        flag switch
        {
            Says.Disputed => answer.HasDispute || all.Contains('⚠') || all.Contains("disputed", StringComparison.OrdinalIgnoreCase),
            Says.Claimed => answer.Facts.Any(f => f.Confidence == Confidence.Claimed)
                || all.Contains("said so", StringComparison.Ordinal)
                || all.Contains("(claimed)", StringComparison.Ordinal),
            Says.NotDisclosed => all.Contains("not disclosed", StringComparison.OrdinalIgnoreCase),
            Says.NotInKnowledgeBase => all.Contains("not in the knowledge base", StringComparison.OrdinalIgnoreCase),
            Says.Overdue => all.Contains("overdue", StringComparison.OrdinalIgnoreCase),
            Says.Yes => answer.Lead?.Answer.StartsWith("Yes", StringComparison.Ordinal) == true,
            Says.No => answer.Lead?.Answer is { } lead
                && (lead.StartsWith("No ", StringComparison.Ordinal) || lead.StartsWith("Not yet", StringComparison.Ordinal)),
            Says.Ambiguous => answer.Kind == AnswerKind.Ambiguous
                || answer.Lead?.Answer.Contains(" models: ", StringComparison.Ordinal) == true,
            Says.Unclear => answer.Kind == AnswerKind.Usage,
            _ => true,
        };
}
