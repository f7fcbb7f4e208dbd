using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>
/// What a button opens: every fact as a field (value, linked citations, confidence, each dispute's sides), or one
/// page of a list; the numbered sources always come after the facts, never above them.
/// </summary>
internal static class FullEmbed
{
    private const int SourcesReserve = 900;

    public static Embed Facts(Answer answer, RenderOptions options)
    {
        var title = DiscordText.Truncate(DiscordText.Escape(answer.Title), EmbedRenderer.TitleLimit);
        var footer = answer.HasDispute
            ? new EmbedFooter("⚠ marks facts the sources disagree on; each side is listed with its sources.")
            : null;
        var head = new List<string>();
        if (answer.Headline is not null)
            head.Add(DiscordText.Escape(answer.Headline));
        head.AddRange(answer.Notes.Select(DiscordText.Escape));
        var description = DiscordText.Truncate(string.Join("\n", head), 1500);
        var budget = EmbedRenderer.TotalLimit - title.Length - description.Length - (footer?.Text.Length ?? 0);

        var fields = new List<EmbedField>();
        var omitted = 0;
        foreach (var fact in answer.Facts)
        {
            var field = Field(fact, answer, options);
            var cost = field.Name.Length + field.Value.Length;
            if (omitted > 0 || fields.Count >= EmbedRenderer.FieldLimit - 3 || cost > budget - SourcesReserve)
            {
                omitted++;
                continue;
            }
            fields.Add(field);
            budget -= cost;
        }
        if (omitted > 0)
        {
            var more = new EmbedField("…", $"and {omitted} more {(omitted == 1 ? "fact" : "facts")}");
            fields.Add(more);
            budget -= more.Name.Length + more.Value.Length;
        }
        AddSources(fields, answer.Citations, budget);
        return new Embed(
            title,
            description.Length == 0 ? null : description,
            EmbedRenderer.ColorOf(answer),
            fields,
            footer
        );
    }

    public static Embed List(Answer answer, RenderOptions options)
    {
        var page = Paging.Of(answer, options.Page);
        var title = answer.Title + (page.Count > 1 ? $" · page {page.Index + 1} of {page.Count}" : "");
        var text = new StringBuilder();
        if (answer.Headline is not null)
            text.Append(DiscordText.Escape(answer.Headline));
        foreach (var line in page.Lines)
            text.Append('\n').Append(ListLine(line, answer, options));
        if (!page.HasNext)
            foreach (var note in answer.Notes)
                text.Append('\n').Append(DiscordText.Escape(note));
        var fields = new List<EmbedField>();
        var cited = page.Lines.SelectMany(l => l.Cites).ToHashSet();
        AddSources(fields, answer.Citations.Where(c => cited.Contains(c.Number)).ToList(), 2000);
        var description = DiscordText.Truncate(text.ToString().TrimStart('\n'), EmbedRenderer.DescriptionLimit);
        return new Embed(
            DiscordText.Truncate(DiscordText.Escape(title), EmbedRenderer.TitleLimit),
            description.Length == 0 ? null : description,
            EmbedRenderer.ColorOf(answer),
            fields
        );
    }

    private static string ListLine(FactLine line, Answer answer, RenderOptions options)
    {
        var text = new StringBuilder("• ");
        text.Append(answer.Kind == AnswerKind.Help ? $"`{line.Label}`" : $"**{DiscordText.Escape(line.Label)}**");
        text.Append(" — ").Append(DiscordText.Escape(line.Value));
        if (line.Cites.Count > 0)
            text.Append(' ').Append(Citations.Links(line.Cites, answer.Citations));
        if (line.ScopeLabel is not null)
            text.Append(" (").Append(DiscordText.Escape(line.ScopeLabel)).Append(')');
        if (line.Dispute is { } dispute)
            text.Append("\n  ⚠ ").Append(DiscordText.Escape(DisputeText.For(dispute, options)));
        if (line.Note is not null)
            text.Append("\n  ").Append(DiscordText.Truncate(DiscordText.Escape(line.Note), 300));
        return text.ToString();
    }

    private static EmbedField Field(FactLine fact, Answer answer, RenderOptions options)
    {
        var value = new StringBuilder();
        value.Append($"**{DiscordText.Escape(fact.Value)}**");
        if (fact.Cites.Count > 0)
            value.Append(' ').Append(Citations.Links(fact.Cites, answer.Citations));
        if (fact.Cites.Count > 0 && fact.Dispute is null)
            value.Append(" · ").Append(DiscordText.Escape(fact.Assessment ?? EmbedRenderer.Describe(fact.Confidence)));
        if (fact.ScopeLabel is not null)
            value.Append('\n').Append('(').Append(DiscordText.Escape(fact.ScopeLabel)).Append(')');
        if (fact.Note is not null)
            value.Append('\n').Append(DiscordText.Escape(fact.Note));
        if (fact.Dispute is { } dispute)
        {
            value.Append("\n⚠ **Disputed:** ").Append(DiscordText.Escape(DisputeText.For(dispute, options)));
            foreach (var side in dispute.Sides)
                value
                    .Append('\n')
                    .Append(side.IsLead ? "→ " : "• ")
                    .Append(DiscordText.Escape(side.Value))
                    .Append(": ")
                    .Append(
                        string.Join(
                            ", ",
                            side.Claims.Select(c =>
                                (options.ShowClaimIds ? DiscordText.Escape(c.ClaimId) + " " : "")
                                + Citations.Links([c.Cite], answer.Citations)
                            )
                        )
                    );
        }
        var name = (fact.Dispute is null ? "" : "⚠ ") + DiscordText.Escape(fact.Label);
        return new EmbedField(
            DiscordText.Truncate(name, EmbedRenderer.FieldNameLimit),
            DiscordText.Truncate(value.ToString(), EmbedRenderer.FieldValueLimit)
        );
    }

    /// <summary>Numbered sources in "Sources" fields after the facts, as many as the budget allows.</summary>
    private static void AddSources(List<EmbedField> fields, IReadOnlyList<Citation> citations, int budget)
    {
        var chunk = new StringBuilder();
        var shown = 0;
        foreach (var line in citations.Select(Citations.Numbered))
        {
            if (chunk.Length > 0 && chunk.Length + 1 + line.Length > EmbedRenderer.FieldValueLimit)
            {
                if (!TryAdd(fields, chunk.ToString(), ref budget))
                    break;
                chunk.Clear();
            }
            if (line.Length > EmbedRenderer.FieldValueLimit || chunk.Length + line.Length + 40 > budget)
                break;
            chunk.Append(chunk.Length == 0 ? "" : "\n").Append(line);
            shown++;
        }
        if (shown < citations.Count)
            chunk.Append(chunk.Length == 0 ? "" : "\n").Append($"…and {citations.Count - shown} more sources");
        if (chunk.Length > 0)
            TryAdd(fields, DiscordText.Truncate(chunk.ToString(), EmbedRenderer.FieldValueLimit), ref budget);
    }

    private static bool TryAdd(List<EmbedField> fields, string value, ref int budget)
    {
        const string name = "Sources";
        if (fields.Count >= EmbedRenderer.FieldLimit || name.Length + value.Length > budget)
            return false;
        fields.Add(new EmbedField(name, value));
        budget -= name.Length + value.Length;
        return true;
    }
}
