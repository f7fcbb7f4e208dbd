using System.Text.Json;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;
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
    [InlineData("run </ban:1234567890> now", "run <\u200b/ban:1234567890> now")]
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

    private static readonly RenderOptions Full = new(AnswerView.Full);

    [Fact]
    public void A_default_answer_has_the_answer_on_line_one_and_the_compact_citations_last()
    {
        var answer = new Answer(
            AnswerKind.Facts,
            "Grok-1: license",
            null,
            [new FactLine("License", "Apache-2.0", Confidence.Confirmed, [1])],
            [Cite(1)],
            []
        );
        var embed = EmbedRenderer.Render(answer);
        Assert.Null(embed.Title);
        Assert.Empty(embed.Fields);
        var lines = embed.Description!.Split('\n');
        Assert.Equal("**Grok-1 license: Apache-2.0** · confirmed", lines[0]);
        Assert.Equal("[xAI, 2024-03-17](https://x.ai/news/1)", lines[^1]);
    }

    [Fact]
    public void The_full_view_leads_each_field_with_the_value_then_linked_citations_and_confidence()
    {
        var answer = new Answer(
            AnswerKind.Facts,
            "Grok-1: license",
            null,
            [new FactLine("License", "Apache-2.0", Confidence.Confirmed, [1])],
            [Cite(1)],
            []
        );
        var embed = EmbedRenderer.Render(answer, Full);
        Assert.Equal("License", embed.Fields[0].Name);
        Assert.Equal("**Apache-2.0** [\\[1\\]](https://x.ai/news/1) · confirmed", embed.Fields[0].Value);
        Assert.Equal("Sources", embed.Fields[^1].Name);
        Assert.Null(embed.Description);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_disputed_fact_lists_each_side_with_claim_ids_only_for_admins(bool admin)
    {
        var answer = new Answer(AnswerKind.Facts, "Grok-1: parameters", null, [Disputed], [Cite(1), Cite(2)], []);
        var embed = EmbedRenderer.Render(answer, Full with { ShowClaimIds = admin });
        var field = embed.Fields[0];
        Assert.StartsWith("⚠ ", field.Name, StringComparison.Ordinal);
        Assert.Contains("⚠ **Disputed:**", field.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", field.Value, StringComparison.Ordinal);
        var ids = admin ? "grok-1/total\\_parameters/1 " : "";
        Assert.Contains($"→ 314B: {ids}[\\[1\\]](https://x.ai/news/1)", field.Value, StringComparison.Ordinal);
        Assert.Equal(admin, field.Value.Contains("total\\_parameters/2", StringComparison.Ordinal));
        Assert.NotNull(embed.Footer);
    }

    [Fact]
    public void A_disputed_default_answer_says_so_on_line_one_and_never_calls_it_confirmed()
    {
        var answer = new Answer(AnswerKind.Facts, "Grok-1: parameters", null, [Disputed], [Cite(1), Cite(2)], []);
        var description = EmbedRenderer.Render(answer).Description!;
        Assert.StartsWith("**Grok-1 total parameters: 314B** · ⚠ disputed", description, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", description, StringComparison.Ordinal);
        Assert.DoesNotContain("grok-1/total", description, StringComparison.Ordinal);
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
        foreach (var options in new[] { RenderOptions.Default, Full, new RenderOptions(AnswerView.Full, 3, true) })
            AssertWithinLimits(EmbedRenderer.Render(answer, options));
        AssertWithinLimits(EmbedRenderer.Render(answer with { Kind = AnswerKind.List }, Full));
    }

    private static void AssertWithinLimits(Embed embed)
    {
        Assert.True((embed.Title?.Length ?? 0) <= EmbedRenderer.TitleLimit);
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
            (embed.Title?.Length ?? 0)
            + (embed.Description?.Length ?? 0)
            + embed.Fields.Sum(f => f.Name.Length + f.Value.Length)
            + (embed.Footer?.Text.Length ?? 0);
        Assert.True(total <= EmbedRenderer.TotalLimit, $"total {total}");
    }

    [Fact]
    public void Sources_that_do_not_fit_are_summarised_after_the_facts()
    {
        var answer = new Answer(
            AnswerKind.Facts,
            "Grok-1: sources",
            "Every claim",
            [new FactLine("License", "Apache-2.0", Confidence.Confirmed, [1])],
            Enumerable.Range(1, 150).Select(i => Cite(i)).ToList(),
            []
        );
        var fields = EmbedRenderer.Render(answer, Full).Fields;
        Assert.Equal("License", fields[0].Name);
        Assert.All(fields.Skip(1), f => Assert.Equal("Sources", f.Name));
        Assert.Matches(@"…and \d+ more sources$", fields[^1].Value);
        Assert.Contains(
            "`[1]` [xAI: Open Release of Grok-1](https://x.ai/news/1), 2024-03-17 (primary)",
            fields[1].Value,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_long_list_comes_a_page_at_a_time()
    {
        var lines = Enumerable
            .Range(1, 30)
            .Select(i => new FactLine($"Model {i}", "xAI · released", Confidence.Confirmed, []))
            .ToList();
        var answer = new Answer(AnswerKind.List, "Models", "30 model(s).", lines, [], ["Ask `model <name>`."]);
        var first = EmbedRenderer.Render(answer);
        var last = EmbedRenderer.Render(answer, new RenderOptions(AnswerView.Full, Page: 99));
        Assert.Equal($"Models · page 1 of {Paging.Of(lines, 0).Count}", first.Title);
        Assert.Contains("**Model 1**", first.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("**Model 30**", first.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask `model", first.Description, StringComparison.Ordinal);
        Assert.Contains("**Model 30**", last.Description, StringComparison.Ordinal);
        Assert.EndsWith("Ask `model <name>`.", last.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnswerKind.NotFound)]
    [InlineData(AnswerKind.Refused)]
    [InlineData(AnswerKind.Facts)]
    public void No_message_can_mention_anyone(AnswerKind kind)
    {
        var json = JsonSerializer.Serialize(EmbedRenderer.Message(Answer.Message(kind, "t", "@everyone")), DiscordJson.Options);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok 👍🏽 done", 6, "ok…")]
    [InlineData("ok 👍🏽 done", 8, "ok 👍🏽…")]
    [InlineData("🇫🇷🇫🇷🇫🇷", 6, "🇫🇷…")]
    [InlineData("ééé", 4, "é…")]
    public void Truncation_never_splits_an_emoji_or_a_letter_from_its_accent(string text, int max, string expected)
    {
        var cut = DiscordText.Truncate(text, max);
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
