using System.Runtime.CompilerServices;
using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>
/// An answer as one Discord embed within every limit: facts as fields (value first, then linked citations,
/// confidence and any dispute), sources in the description, and whatever does not fit summarised as "…and N more".
/// </summary>
public static class EmbedRenderer
{
    public const int TitleLimit = 256,
        DescriptionLimit = 4096,
        FieldLimit = 25,
        FieldNameLimit = 256,
        FieldValueLimit = 1024,
        TotalLimit = 6000;
    private const int DescriptionReserve = 700;
    private const int Blue = 0x3B82F6,
        Amber = 0xF59E0B,
        Grey = 0x6B7280;

    public static MessagePayload Message(Answer answer) =>
        new([Render(answer)], Flags: answer.IsPrivate ? MessagePayload.Ephemeral : null);

    // Answers to repeated questions are one cached object; rendering them again would give the same embed.
    private static readonly ConditionalWeakTable<Answer, Embed> Rendered = new();

    public static Embed Render(Answer answer) => Rendered.GetValue(answer, Build);

    private static Embed Build(Answer answer)
    {
        var title = DiscordText.Truncate(DiscordText.Escape(answer.Title), TitleLimit);
        var footer = answer.HasDispute
            ? new EmbedFooter(
                "⚠ marks facts the sources disagree on; the claims on each side are listed with their sources."
            )
            : null;
        var budget = TotalLimit - title.Length - (footer?.Text.Length ?? 0);

        var fields = new List<EmbedField>();
        var omittedFacts = 0;
        foreach (var fact in answer.Facts)
        {
            var field = Field(fact, answer);
            var cost = field.Name.Length + field.Value.Length;
            if (omittedFacts > 0 || fields.Count >= FieldLimit || cost > budget - DescriptionReserve)
            {
                omittedFacts++;
                continue;
            }
            fields.Add(field);
            budget -= cost;
        }
        var description = Description(answer, omittedFacts, Math.Min(DescriptionLimit, budget));
        var color =
            answer.HasDispute ? Amber
            : answer.Kind is AnswerKind.Facts or AnswerKind.List or AnswerKind.Help or AnswerKind.Done ? Blue
            : Grey;
        return new Embed(title, description.Length == 0 ? null : description, color, fields, footer);
    }

    private static EmbedField Field(FactLine fact, Answer answer)
    {
        var value = new StringBuilder();
        value.Append(
            answer.Kind is AnswerKind.Facts ? $"**{DiscordText.Escape(fact.Value)}**" : DiscordText.Escape(fact.Value)
        );
        if (fact.Cites.Count > 0)
            value.Append(' ').Append(CiteLinks(fact.Cites, answer.Citations));
        if (answer.Kind is AnswerKind.Facts && fact.Cites.Count > 0)
            value.Append(" · ").Append(Describe(fact.Confidence));
        if (fact.ScopeLabel is not null)
            value.Append('\n').Append('(').Append(DiscordText.Escape(fact.ScopeLabel)).Append(')');
        if (fact.Note is not null)
            value.Append('\n').Append(DiscordText.Escape(fact.Note));
        if (fact.Dispute is { } dispute)
        {
            value.Append("\n⚠ **Disputed:** ").Append(DiscordText.Escape(dispute.Summary));
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
                                $"{DiscordText.Escape(c.ClaimId)} {CiteLinks([c.Cite], answer.Citations)}"
                            )
                        )
                    );
        }
        var name = (fact.Dispute is null ? "" : "⚠ ") + DiscordText.Escape(fact.Label);
        return new EmbedField(
            DiscordText.Truncate(name, FieldNameLimit),
            DiscordText.Truncate(value.ToString(), FieldValueLimit)
        );
    }

    private static string Description(Answer answer, int omittedFacts, int limit)
    {
        var head = new List<string>();
        if (answer.Headline is not null)
            head.Add(DiscordText.Escape(answer.Headline));
        head.AddRange(answer.Notes.Select(DiscordText.Escape));
        if (omittedFacts > 0)
            head.Add($"…and {omittedFacts} more {(omittedFacts == 1 ? "fact" : "facts")}");
        var text = new StringBuilder(DiscordText.Truncate(string.Join("\n", head), limit));
        if (answer.Citations.Count == 0)
            return text.ToString();

        const string heading = "\n\n**Sources**";
        var lines = answer.Citations.Select(Source).ToList();
        if (text.Length + heading.Length + lines[0].Length + 1 > limit)
            return text.ToString();
        text.Append(heading);
        for (var i = 0; i < lines.Count; i++)
        {
            var remaining = lines.Count - i - 1;
            var tail = remaining == 0 ? 0 : $"\n…and {remaining} more sources".Length;
            if (text.Length + 1 + lines[i].Length + tail > limit)
            {
                text.Append($"\n…and {lines.Count - i} more {(lines.Count - i == 1 ? "source" : "sources")}");
                break;
            }
            text.Append('\n').Append(lines[i]);
        }
        return text.ToString();
    }

    private static string Source(Citation c)
    {
        var label = DiscordText.Truncate(DiscordText.Escape($"{c.Publisher}: {c.Title}"), 200);
        var link = DiscordText.SafeUrl(c.Url) is { } url ? $"[{label}]({url})" : label;
        var published = c.Published is null ? "" : ", " + DiscordText.Escape(c.Published);
        return $"`[{c.Number}]` {link}{published} ({c.Kind.ToString().ToLowerInvariant()})";
    }

    private static string CiteLinks(IEnumerable<int> cites, IReadOnlyList<Citation> citations) =>
        string.Concat(
            cites.Select(n =>
                citations.FirstOrDefault(c => c.Number == n) is { } c && DiscordText.SafeUrl(c.Url) is { } url
                    ? $"[\\[{n}\\]]({url})"
                    : $"\\[{n}\\]"
            )
        );

    public static string Describe(Confidence confidence) => confidence.ToString().ToLowerInvariant();
}
