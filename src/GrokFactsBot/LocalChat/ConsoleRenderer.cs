using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.LocalChat;

/// <summary>Plain-text rendering of an answer for the local chat and one-shot <c>ask</c>.</summary>
public static class ConsoleRenderer
{
    public static string Render(Answer answer)
    {
        var text = new StringBuilder();
        text.AppendLine(answer.Title);
        if (answer.Headline is not null)
            text.AppendLine(answer.Headline);
        foreach (var fact in answer.Facts)
        {
            var cites = string.Concat(fact.Cites.Select(n => $"[{n}]"));
            var confidence =
                answer.Kind is AnswerKind.Facts && fact.Cites.Count > 0 ? $"  ({Describe(fact.Confidence)})" : "";
            text.AppendLine($"  • {fact.Label}: {fact.Value} {cites}{confidence}".TrimEnd());
            if (fact.ScopeLabel is not null)
                text.AppendLine($"      ({fact.ScopeLabel})");
            if (fact.Note is not null)
                text.AppendLine($"      {fact.Note}");
            if (fact.Dispute is not null)
                text.AppendLine($"      ⚠ {fact.Dispute.Summary}");
            if (fact.Dispute is not null)
                foreach (var side in fact.Dispute.Sides)
                    text.AppendLine(
                        $"        {(side.IsLead ? "→" : "-")} {side.Value}: claims {string.Join(", ", side.Claims.Select(c => $"{c.ClaimId} [{c.Cite}]"))}"
                    );
        }
        foreach (var note in answer.Notes)
            text.AppendLine($"  {note}");
        if (answer.Citations.Count > 0)
            text.AppendLine("Sources:");
        foreach (var c in answer.Citations)
            text.AppendLine(
                $"  [{c.Number}] {c.Publisher}, \"{c.Title}\"{(c.Published is null ? "" : ", " + c.Published)} ({Kind(c.Kind)}) {c.Url}"
            );
        foreach (var credit in answer.Attributions)
            text.AppendLine(credit);
        return text.ToString().TrimEnd();
    }

    public static string Describe(Confidence confidence) =>
        confidence switch
        {
            Confidence.Confirmed => "confirmed",
            Confidence.Likely => "likely",
            Confidence.Speculative => "speculative",
            Confidence.Disputed => "disputed",
            _ => "unknown",
        };

    private static string Kind(SourceKind kind) =>
        kind switch
        {
            SourceKind.Primary => "primary",
            SourceKind.Secondary => "secondary",
            SourceKind.Dataset => "dataset",
            _ => "commentary",
        };
}
