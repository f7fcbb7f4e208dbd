using System.Text;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// What a button opens: every fact with linked citations and, for a dispute, each side (no "confirmed" above a
/// dispute), then the numbered sources; or one page of a list.
/// </summary>
internal static class FullBlocks
{
    /// <summary>Blocks kept back for the notes, the sources and the trim notices.</summary>
    private const int ReservedBlocks = 8;

    public static SlackMessage Facts(Answer answer, RenderOptions options)
    {
        var citations = answer.Citations.ToDictionary(c => c.Number);
        var blocks = new BlockBudget();
        blocks.Add(BlockKitRenderer.Header(answer.Title));
        if (answer.Headline is { Length: > 0 } headline)
            blocks.Add(BlockKitRenderer.Section($"*{SlackText.Escape(headline)}*"));
        var sourceReserve =
            answer.Citations.Count == 0
                ? 0
                : Math.Min(2500, answer.Citations.Sum(c => BlockKitRenderer.SourceLine(c).Length + 1));
        var facts = answer.Facts.Select(f => BlockKitRenderer.Section(FactText(f, citations, options))).ToList();
        var shown = blocks.AddWhile(
            facts,
            BlockKitRenderer.MaxBlocks - ReservedBlocks,
            BlockKitRenderer.MaxMessageChars - sourceReserve
        );
        if (shown < facts.Count)
            blocks.Add(
                BlockKitRenderer.Context(
                    [$"…and {facts.Count - shown} more. Ask about one model or attribute to see the rest."]
                )
            );
        if (answer.Notes.Count > 0)
            blocks.Add(BlockKitRenderer.Context(answer.Notes.Select(SlackText.Escape).ToList()));
        AddSources(blocks, answer.Citations);
        var first = answer.Headline is null ? answer.Title : $"{answer.Title}: {answer.Headline}";
        return new SlackMessage(BlockKitRenderer.Fallback(first, answer.Facts), blocks.Blocks, false);
    }

    public static SlackMessage List(Answer answer, RenderOptions options)
    {
        var page = Paging.Of(answer, options.Page);
        var citations = answer.Citations.ToDictionary(c => c.Number);
        var blocks = new BlockBudget();
        var title = answer.Title + (page.Count > 1 ? $" · page {page.Index + 1} of {page.Count}" : "");
        blocks.Add(BlockKitRenderer.Header(title));
        var text = new StringBuilder();
        if (answer.Headline is { Length: > 0 } headline)
            text.Append(SlackText.Escape(headline));
        foreach (var line in page.Lines)
            text.Append('\n').Append(ListLine(line, answer.Kind, citations, options));
        if (text.Length > 0)
            blocks.Add(BlockKitRenderer.Section(text.ToString().TrimStart('\n')));
        if (!page.HasNext && answer.Notes.Count > 0)
            blocks.Add(BlockKitRenderer.Context(answer.Notes.Select(SlackText.Escape).ToList()));
        var cited = page.Lines.SelectMany(l => l.Cites).ToHashSet();
        AddSources(blocks, answer.Citations.Where(c => cited.Contains(c.Number)).ToList());
        var first = answer.Headline is null ? answer.Title : $"{answer.Title}: {answer.Headline}";
        return new SlackMessage(BlockKitRenderer.Fallback(first, page.Lines), blocks.Blocks, false);
    }

    private static string ListLine(
        FactLine line,
        AnswerKind kind,
        IReadOnlyDictionary<int, Citation> citations,
        RenderOptions options
    )
    {
        var text = new StringBuilder("• ");
        text.Append(kind == AnswerKind.Help ? $"`{SlackText.Escape(line.Label)}`" : $"*{SlackText.Escape(line.Label)}*");
        text.Append(" — ").Append(SlackText.Escape(line.Value));
        foreach (var n in line.Cites)
            text.Append(' ').Append(BlockKitRenderer.CiteLink(n, citations));
        if (line.ScopeLabel is not null)
            text.Append($" _({SlackText.Escape(line.ScopeLabel)})_");
        if (line.Dispute is { } dispute)
            text.Append("\n   :warning: ").Append(SlackText.Escape(DisputeText.For(dispute, options)));
        if (line.Note is not null)
            text.Append("\n   ").Append(SlackText.Truncate(SlackText.Escape(line.Note), 300));
        return text.ToString();
    }

    public static string FactText(FactLine fact, IReadOnlyDictionary<int, Citation> citations, RenderOptions options)
    {
        var text = new StringBuilder();
        text.Append($"*{SlackText.Escape(fact.Label)}:* {SlackText.Escape(fact.Value)}");
        foreach (var n in fact.Cites)
            text.Append(' ').Append(BlockKitRenderer.CiteLink(n, citations));
        // A disputed fact says so once, where the sides are listed, never "confirmed" just above it.
        if (fact.Cites.Count > 0 && fact.Dispute is null)
            text.Append(
                $"\n_{(fact.Assessment is { } words ? SlackText.Escape(words) : BlockKitRenderer.Describe(fact.Confidence))}_"
            );
        if (fact.ScopeLabel is not null)
            text.Append($"\n_{SlackText.Escape(fact.ScopeLabel)}_");
        if (fact.Note is not null)
            text.Append($"\n{SlackText.Escape(fact.Note)}");
        if (fact.Dispute is { } dispute)
        {
            text.Append($"\n:warning: *Disputed:* {SlackText.Escape(DisputeText.For(dispute, options))}");
            foreach (var side in dispute.Sides)
            {
                var claims = string.Join(
                    ", ",
                    side.Claims.Select(c =>
                        (options.ShowClaimIds ? $"`{SlackText.Escape(c.ClaimId)}` " : "")
                        + BlockKitRenderer.CiteLink(c.Cite, citations)
                    )
                );
                text.Append($"\n• {(side.IsLead ? "*leads:* " : "")}{SlackText.Escape(side.Value)}: {claims}");
            }
        }
        return SlackText.Truncate(text.ToString(), BlockKitRenderer.MaxSectionText);
    }

    private static void AddSources(BlockBudget blocks, IReadOnlyList<Citation> citations)
    {
        if (citations.Count == 0)
            return;
        var section = new StringBuilder("*Sources*");
        var shown = 0;
        foreach (var line in citations.Select(BlockKitRenderer.SourceLine))
        {
            if (section.Length + 1 + line.Length > BlockKitRenderer.MaxSectionText)
            {
                if (!blocks.Fits(section.Length, extraBlocks: 2))
                    break;
                blocks.Add(BlockKitRenderer.Section(section.ToString()));
                section.Clear();
            }
            if (!blocks.Fits(section.Length + 1 + line.Length, extraBlocks: 2))
                break;
            section.Append(section.Length == 0 ? "" : "\n").Append(line);
            shown++;
        }
        if (section.Length > 0)
            blocks.Add(BlockKitRenderer.Section(section.ToString()));
        if (shown < citations.Count)
            blocks.Add(BlockKitRenderer.Context([$"…and {citations.Count - shown} more sources"]));
    }
}
