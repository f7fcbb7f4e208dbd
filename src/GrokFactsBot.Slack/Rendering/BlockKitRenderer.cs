using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> as Block Kit within Slack's limits: the value up front, one section per fact with
/// linked citation numbers, a visible dispute marker with the conflicting claims, confidence, the numbered sources,
/// and a plain-text fallback. Everything that came from a user or a source is escaped.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxContextElements = 10;
    public const int MaxFallbackText = 3000;

    /// <summary>
    /// Slack rejects messages (msg_blocks_too_long) well below the documented per-block limits, around 13k characters.
    /// </summary>
    public const int MaxMessageChars = 11_000;

    /// <summary>Blocks kept back for the notes, the sources and the trim notices.</summary>
    private const int ReservedBlocks = 8;

    // Answers to repeated questions are one cached object; the blocks are rendered once and cloned per response.
    private static readonly ConditionalWeakTable<Answer, SlackMessage> Rendered = new();

    public static SlackMessage Render(Answer answer, bool inChannel) =>
        Rendered.GetValue(answer, a => Build(a)) with
        {
            InChannel = inChannel,
        };

    private static SlackMessage Build(Answer answer)
    {
        var citations = answer.Citations.ToDictionary(c => c.Number);
        var blocks = new BlockBudget();
        blocks.Add(Header(answer.Title));
        if (answer.Headline is { Length: > 0 } headline)
            blocks.Add(Section($"*{SlackText.Escape(headline)}*"));

        var sourceReserve =
            answer.Citations.Count == 0 ? 0 : Math.Min(2500, answer.Citations.Sum(c => SourceLine(c).Length + 1));
        var facts = answer.Facts.Select(f => Section(FactText(f, citations, answer.Kind))).ToList();
        var shownFacts = blocks.AddWhile(facts, MaxBlocks - ReservedBlocks, MaxMessageChars - sourceReserve);
        if (shownFacts < facts.Count)
            blocks.Add(
                Context([$"…and {facts.Count - shownFacts} more. Ask about one model or attribute to see the rest."])
            );

        if (answer.Notes.Count > 0)
            blocks.Add(Context(answer.Notes.Select(SlackText.Escape).ToList()));
        AddSources(blocks, answer.Citations);
        return new SlackMessage(Fallback(answer), blocks.Blocks, InChannel: false);
    }

    public static string FactText(FactLine fact, IReadOnlyDictionary<int, Citation> citations, AnswerKind kind)
    {
        var text = new StringBuilder();
        text.Append($"*{SlackText.Escape(fact.Label)}:* {SlackText.Escape(fact.Value)}");
        foreach (var n in fact.Cites)
            text.Append(' ').Append(CiteLink(n, citations));
        if (kind is AnswerKind.Facts && fact.Cites.Count > 0)
            text.Append($"\n_{Describe(fact.Confidence)}_");
        if (fact.ScopeLabel is not null)
            text.Append($"\n_{SlackText.Escape(fact.ScopeLabel)}_");
        if (fact.Note is not null)
            text.Append($"\n{SlackText.Escape(fact.Note)}");
        if (fact.Dispute is { } dispute)
        {
            text.Append($"\n:warning: *Disputed:* {SlackText.Escape(dispute.Summary)}");
            foreach (var side in dispute.Sides)
            {
                var claims = string.Join(
                    ", ",
                    side.Claims.Select(c => $"`{SlackText.Escape(c.ClaimId)}` {CiteLink(c.Cite, citations)}")
                );
                text.Append($"\n• {(side.IsLead ? "*leads:* " : "")}{SlackText.Escape(side.Value)}: {claims}");
            }
        }
        return SlackText.Truncate(text.ToString(), MaxSectionText);
    }

    public static string SourceLine(Citation c) =>
        $"[{c.Number}] {SlackText.Link(c.Url, c.Published is null ? c.Publisher : $"{c.Publisher}, {c.Published}")} "
        + $"{SlackText.Escape(c.Title)} ({Kind(c.Kind)})";

    public static string Describe(Confidence confidence) =>
        confidence switch
        {
            Confidence.Confirmed => ":large_green_circle: confirmed",
            Confidence.Likely => ":large_yellow_circle: likely",
            Confidence.Speculative => ":white_circle: speculative",
            Confidence.Disputed => ":warning: disputed",
            _ => "confidence unknown",
        };

    private static void AddSources(BlockBudget blocks, IReadOnlyList<Citation> citations)
    {
        if (citations.Count == 0)
            return;
        var section = new StringBuilder("*Sources*");
        var shown = 0;
        foreach (var line in citations.Select(SourceLine))
        {
            var fitsSection = section.Length + 1 + line.Length <= MaxSectionText;
            if (!fitsSection)
            {
                if (!blocks.Fits(section.Length, extraBlocks: 2))
                    break;
                blocks.Add(Section(section.ToString()));
                section.Clear();
            }
            if (!blocks.Fits(section.Length + 1 + line.Length, extraBlocks: 2))
                break;
            section.Append(section.Length == 0 ? "" : "\n").Append(line);
            shown++;
        }
        if (section.Length > 0)
            blocks.Add(Section(section.ToString()));
        if (shown < citations.Count)
            blocks.Add(Context([$"…and {citations.Count - shown} more sources"]));
    }

    private static string CiteLink(int number, IReadOnlyDictionary<int, Citation> citations) =>
        citations.TryGetValue(number, out var c) ? SlackText.Link(c.Url, $"[{number}]") : $"[{number}]";

    private static string Fallback(Answer answer)
    {
        var text = new StringBuilder(answer.Title);
        if (answer.Headline is not null)
            text.Append(": ").Append(answer.Headline);
        foreach (var fact in answer.Facts.Take(10))
            text.Append($"\n• {fact.Label}: {fact.Value}{(fact.Dispute is null ? "" : " (disputed)")}");
        if (answer.Facts.Count > 10)
            text.Append($"\n…and {answer.Facts.Count - 10} more");
        return SlackText.Truncate(SlackText.Escape(text.ToString()), MaxFallbackText);
    }

    private static string Kind(SourceKind kind) =>
        kind switch
        {
            SourceKind.Primary => "primary",
            SourceKind.Secondary => "secondary",
            _ => "commentary",
        };

    private static JsonObject Header(string title) =>
        new()
        {
            ["type"] = "header",
            ["text"] = SlackText.PlainText(
                SlackText.Truncate(title.Trim().Length == 0 ? "GrokFactsBot" : title, MaxHeaderText)
            ),
        };

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = SlackText.Mrkdwn(mrkdwn) };

    private static JsonObject Context(IReadOnlyList<string> texts)
    {
        var kept = texts.Take(MaxContextElements - 1).ToList();
        if (texts.Count > MaxContextElements - 1)
            kept.Add(string.Join(" ", texts.Skip(MaxContextElements - 1)));
        var elements = new JsonArray(
            kept.Select(t => (JsonNode)SlackText.Mrkdwn(SlackText.Truncate(t, MaxSectionText))).ToArray()
        );
        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }
}
