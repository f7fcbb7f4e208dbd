using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> as Block Kit within Slack's limits. A question gets its digest (line one is the
/// answer, a few supporting lines, compact citations last); a button's full view has every fact with linked
/// citations, each dispute's sides and the numbered sources; lists come a page at a time. Everything that came from
/// a user or a source is escaped.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxContextElements = 10;
    public const int MaxFallbackText = 3000;
    public const int MaxSectionFields = 10;

    /// <summary>
    /// Slack rejects messages (msg_blocks_too_long) well below the documented per-block limits, around 13k characters.
    /// </summary>
    public const int MaxMessageChars = 11_000;

    // Answers to repeated questions are one cached object; the blocks are rendered once and cloned per response.
    private static readonly ConditionalWeakTable<Answer, ConcurrentDictionary<RenderOptions, SlackMessage>> Rendered =
        new();

    public static SlackMessage Render(Answer answer, bool inChannel, RenderOptions? options = null) =>
        Rendered
            .GetValue(answer, _ => new ConcurrentDictionary<RenderOptions, SlackMessage>())
            .GetOrAdd(options ?? RenderOptions.Default, o => Build(answer, o)) with
        {
            InChannel = inChannel,
        };

    private static SlackMessage Build(Answer answer, RenderOptions options) =>
        answer.Kind switch
        {
            AnswerKind.Facts when options.View == AnswerView.Default => DigestBlocks.Build(answer),
            AnswerKind.Facts => FullBlocks.Facts(answer, options),
            AnswerKind.List or AnswerKind.Help => FullBlocks.List(answer, options),
            _ => Plain(answer),
        };

    private static SlackMessage Plain(Answer answer)
    {
        var blocks = new BlockBudget();
        blocks.Add(Header(answer.Title));
        if (answer.Headline is { Length: > 0 } headline)
            blocks.Add(Section(SlackText.Escape(headline)));
        if (answer.Notes.Count > 0)
            blocks.Add(Context(answer.Notes.Select(SlackText.Escape).ToList()));
        var text = answer.Headline is null ? answer.Title : $"{answer.Title}: {answer.Headline}";
        return new SlackMessage(SlackText.Truncate(SlackText.Escape(text), MaxFallbackText), blocks.Blocks, false);
    }

    public static string Describe(Confidence confidence) =>
        confidence switch
        {
            Confidence.Confirmed => ":large_green_circle: confirmed",
            Confidence.Likely => ":large_yellow_circle: likely",
            Confidence.Claimed => ":large_yellow_circle: claimed",
            Confidence.Speculative => ":white_circle: speculative",
            Confidence.Disputed => ":warning: disputed",
            _ => "confidence unknown",
        };

    internal static string CiteLink(int number, IReadOnlyDictionary<int, Citation> citations) =>
        citations.TryGetValue(number, out var c) ? SlackText.Link(c.Url, $"[{number}]") : $"[{number}]";

    public static string SourceLine(Citation c) =>
        $"[{c.Number}] {SlackText.Link(c.Url, c.Published is null ? c.Publisher : $"{c.Publisher}, {c.Published}")} "
        + $"{SlackText.Escape(c.Title)} ({c.Kind.ToString().ToLowerInvariant()})";

    internal static JsonObject Header(string title) =>
        new()
        {
            ["type"] = "header",
            ["text"] = SlackText.PlainText(title.Trim().Length == 0 ? "GrokFactsBot" : title, MaxHeaderText),
        };

    internal static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = SlackText.Mrkdwn(SlackText.Truncate(mrkdwn, MaxSectionText)) };

    internal static JsonObject Fields(IEnumerable<string> fields) =>
        new()
        {
            ["type"] = "section",
            ["fields"] = new JsonArray(
                fields
                    .Take(MaxSectionFields)
                    .Select(f => (JsonNode)SlackText.Mrkdwn(SlackText.Truncate(f, 2000)))
                    .ToArray()
            ),
        };

    internal static JsonObject Context(IReadOnlyList<string> texts)
    {
        var kept = texts.Take(MaxContextElements - 1).ToList();
        if (texts.Count > MaxContextElements - 1)
            kept.Add(string.Join(" ", texts.Skip(MaxContextElements - 1)));
        var elements = new JsonArray(
            kept.Select(t => (JsonNode)SlackText.Mrkdwn(SlackText.Truncate(t, MaxSectionText))).ToArray()
        );
        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }

    internal static string Fallback(string first, IEnumerable<FactLine> facts)
    {
        var text = new StringBuilder(first);
        var list = facts.ToList();
        foreach (var fact in list.Take(10))
            text.Append($"\n• {fact.Label}: {fact.Value}{(fact.Dispute is null ? "" : " (disputed)")}");
        if (list.Count > 10)
            text.Append($"\n…and {list.Count - 10} more");
        return SlackText.Truncate(SlackText.Escape(text.ToString()), MaxFallbackText);
    }
}
