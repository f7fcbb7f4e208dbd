using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.LocalChat;

/// <summary>
/// Plain-text rendering of an answer for the local chat and one-shot <c>ask</c>: the digest by default (line one is
/// the answer, then the commands that show the rest), the full answer with <c>full</c>; lists in full.
/// </summary>
public static class ConsoleRenderer
{
    public static string Render(Answer answer, RenderOptions? options = null, int width = 0)
    {
        options ??= RenderOptions.Default;
        var text =
            answer.Kind == AnswerKind.Facts && options.View == AnswerView.Default
                ? Digest(answer)
                : Full(answer, options);
        return ConsoleText.Wrap(text, width);
    }

    private static string Digest(Answer answer)
    {
        var digest = AnswerDigest.Of(answer);
        var text = new StringBuilder();
        text.AppendLine(string.Join(" · ", digest.Lead.Context.Prepend(digest.Lead.Answer)));
        foreach (var line in digest.Lines)
            text.AppendLine($"  {line.Label}: {line.Value}{(line.Tag is null ? "" : " · " + line.Tag)}");
        if (digest.Table is { } table)
        {
            var labelWidth = table.Rows.Max(r => r.Label.Length) + 2;
            var leftWidth = Math.Max(table.Left.Length, table.Rows.Max(r => r.Left.Length)) + 2;
            text.AppendLine($"  {"".PadRight(labelWidth)}{table.Left.PadRight(leftWidth)}{table.Right}");
            foreach (var row in table.Rows)
                text.AppendLine($"  {row.Label.PadRight(labelWidth)}{row.Left.PadRight(leftWidth)}{row.Right}");
        }
        var sources = digest.Sources.Select(s => s.Label).ToList();
        if (digest.MoreSources > 0)
            sources.Add($"+{digest.MoreSources} more");
        if (sources.Count > 0)
            text.AppendLine($"  Sources: {string.Join(" · ", sources)}");
        if (digest.Actions.Count > 0)
            text.AppendLine($"  More: {string.Join(" · ", digest.Actions.Select(a => $"`{MoreCommand(a)}`"))}");
        return text.ToString().TrimEnd();
    }

    /// <summary>The console has no buttons: it names the command that shows the same, "full" for the whole card.</summary>
    private static string MoreCommand(AnswerAction action) =>
        action.Command.StartsWith("model ", StringComparison.OrdinalIgnoreCase) ? action.Command + " full" : action.Command;

    private static string Full(Answer answer, RenderOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(answer.Title);
        if (answer.Headline is not null)
            text.AppendLine(answer.Headline);
        foreach (var fact in answer.Facts)
        {
            var cites = string.Concat(fact.Cites.Select(n => $"[{n}]"));
            var confidence =
                answer.Kind is AnswerKind.Facts && fact.Cites.Count > 0 && fact.Dispute is null
                    ? $"  ({fact.Assessment ?? Describe(fact.Confidence)})"
                    : "";
            text.AppendLine($"  • {fact.Label}: {fact.Value} {cites}{confidence}".TrimEnd());
            if (fact.ScopeLabel is not null)
                text.AppendLine($"      ({fact.ScopeLabel})");
            if (fact.Note is not null)
                text.AppendLine($"      {fact.Note}");
            if (fact.Dispute is not { } dispute)
                continue;
            text.AppendLine($"      ⚠ {DisputeText.For(dispute, options)}");
            foreach (var side in dispute.Sides)
            {
                var claims = side.Claims.Select(c => options.ShowClaimIds ? $"{c.ClaimId} [{c.Cite}]" : $"[{c.Cite}]");
                text.AppendLine($"        {(side.IsLead ? "→" : "-")} {side.Value}: {string.Join(", ", claims)}");
            }
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

    public static string Describe(Confidence confidence) => confidence.ToString().ToLowerInvariant();

    private static string Kind(SourceKind kind) =>
        kind switch
        {
            SourceKind.Primary => "primary",
            SourceKind.Secondary => "secondary",
            SourceKind.Dataset => "dataset",
            _ => "commentary",
        };
}
