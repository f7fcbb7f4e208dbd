using System.Text.Json;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rendering;
using Confidence = GrokFactsBot.Core.Domain.Confidence;
using SourceKind = GrokFactsBot.Core.Domain.SourceKind;

namespace GrokFactsBot.Discord.Tests;

public sealed class EmbedRendererTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("@everyone look", "@\u200beveryone look")]
    [InlineData("hi @here", "hi @\u200bhere")]
    [InlineData("<@123> and <@&456> in <#789>", "<\u200b@123> and <\u200b@&456> in <\u200b#789>")]
    [InlineData("*bold* _it_ ~~s~~ ||spoiler||", "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\|")]
    [InlineData("[click](https://evil.example)", "\\[click\\](https://evil.example)")]
    [InlineData("> quote # not a heading\n# heading", "\\> quote # not a heading\n\\# heading")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void Escape_makes_source_and_user_text_inert(string text, string expected) =>
        Assert.Equal(expected, DiscordText.Escape(text));

    [Theory]
    [InlineData("https://x.ai/news/grok-os", "https://x.ai/news/grok-os")]
    [InlineData("https://example.com/a)b(c", "https://example.com/a%29b%28c")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("not a url", null)]
    public void SafeUrl_keeps_http_links_inside_markdown_parentheses(string url, string? expected) =>
        Assert.Equal(expected, DiscordText.SafeUrl(url));

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("a longer sentence", 10, "a longer…")]
    public void Truncate_ends_with_an_ellipsis_only_when_it_cut(string text, int max, string expected) =>
        Assert.Equal(expected, DiscordText.Truncate(text, max));

    private static Citation Cite(int n, string title = "Open Release of Grok-1") =>
        new(n, "xAI", title, "2024-03-17", $"https://x.ai/news/{n}", SourceKind.Primary, null);

    private static FactLine Disputed =>
        new(
            "Total parameters",
            "314B",
            Confidence.Disputed,
            [1, 2],
            new DisputeNote(
                "Sources disagree: 314B or 400B",
                [
                    new DisputeSide("314B", [new ClaimRef("grok-1/total_parameters/1", 1, "xAI")], IsLead: true),
                    new DisputeSide("400B", [new ClaimRef("grok-1/total_parameters/2", 2, "Blog")], IsLead: false),
                ]
            )
        );

    [Fact]
    public void Facts_lead_with_the_value_then_linked_citations_and_confidence()
    {
        var answer = new Answer(
            AnswerKind.Facts,
            "Grok-1: license",
            null,
            [new FactLine("License", "Apache-2.0", Confidence.Confirmed, [1])],
            [Cite(1)],
            []
        );
        var field = Assert.Single(EmbedRenderer.Render(answer).Fields);
        Assert.Equal("License", field.Name);
        Assert.Equal("**Apache-2.0** [\\[1\\]](https://x.ai/news/1) · confirmed", field.Value);
    }

    [Fact]
    public void Disputed_fact_is_marked_and_lists_each_side_with_claim_ids_and_citations()
    {
        var answer = new Answer(AnswerKind.Facts, "Grok-1: parameters", null, [Disputed], [Cite(1), Cite(2)], []);
        var embed = EmbedRenderer.Render(answer);
        var field = Assert.Single(embed.Fields);
        Assert.StartsWith("⚠ ", field.Name, StringComparison.Ordinal);
        Assert.Contains("⚠ **Disputed:**", field.Value, StringComparison.Ordinal);
        Assert.Contains(
            "→ 314B: grok-1/total\\_parameters/1 [\\[1\\]](https://x.ai/news/1)",
            field.Value,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "• 400B: grok-1/total\\_parameters/2 [\\[2\\]](https://x.ai/news/2)",
            field.Value,
            StringComparison.Ordinal
        );
        Assert.NotNull(embed.Footer);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(40, 200)]
    [InlineData(200, 1000)]
    public void Huge_answers_stay_within_every_embed_limit(int facts, int citations)
    {
        var longText = new string('x', 3000);
        var answer = new Answer(
            AnswerKind.Facts,
            longText,
            longText,
            Enumerable.Range(1, facts).Select(i => Disputed with { Label = longText, Note = longText }).ToList(),
            Enumerable.Range(1, citations).Select(i => Cite(i, longText)).ToList(),
            [longText]
        );
        var embed = EmbedRenderer.Render(answer);
        Assert.True(embed.Title.Length <= EmbedRenderer.TitleLimit);
        Assert.True((embed.Description?.Length ?? 0) <= EmbedRenderer.DescriptionLimit);
        Assert.True(embed.Fields.Count <= EmbedRenderer.FieldLimit);
        Assert.All(
            embed.Fields,
            f =>
                Assert.True(
                    f.Value.Length <= EmbedRenderer.FieldValueLimit && f.Name.Length <= EmbedRenderer.FieldNameLimit
                )
        );
        var total =
            embed.Title.Length
            + (embed.Description?.Length ?? 0)
            + embed.Fields.Sum(f => f.Name.Length + f.Value.Length)
            + (embed.Footer?.Text.Length ?? 0);
        Assert.True(total <= EmbedRenderer.TotalLimit, $"total {total}");
    }

    [Fact]
    public void Sources_that_do_not_fit_are_summarised()
    {
        var answer = new Answer(
            AnswerKind.Facts,
            "Grok-1: sources",
            "Every claim",
            [],
            Enumerable.Range(1, 150).Select(i => Cite(i)).ToList(),
            []
        );
        var description = EmbedRenderer.Render(answer).Description!;
        Assert.Matches(@"…and \d+ more sources$", description);
        Assert.Contains(
            "`[1]` [xAI: Open Release of Grok-1](https://x.ai/news/1), 2024-03-17 (primary)",
            description,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(AnswerKind.NotFound, 64)]
    [InlineData(AnswerKind.Refused, 64)]
    [InlineData(AnswerKind.Usage, 64)]
    [InlineData(AnswerKind.Facts, null)]
    public void Private_answers_are_ephemeral_and_no_message_can_mention_anyone(AnswerKind kind, int? flags)
    {
        var message = EmbedRenderer.Message(Answer.Message(kind, "t", "@everyone"));
        Assert.Equal(flags, message.Flags);
        var json = JsonSerializer.Serialize(message, DiscordJson.Options);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
    }
}
