using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Slack.Rendering;
using GrokFactsBot.Slack.Tests.Fakes;
using Confidence = GrokFactsBot.Core.Domain.Confidence;
using SourceKind = GrokFactsBot.Core.Domain.SourceKind;

namespace GrokFactsBot.Slack.Tests;

public sealed class BlockKitRendererTests
{
    private static Citation Source(
        int n,
        string publisher = "xAI",
        string url = "https://x.ai/news/grok-os",
        string title = "Open Release of Grok-1",
        string? published = "17 Mar 2024"
    ) => new(n, publisher, title, published, url, SourceKind.Primary, null);

    private static Answer Facts(
        IReadOnlyList<FactLine> facts,
        IReadOnlyList<Citation> citations,
        string title = "Grok-1: parameters",
        string? headline = "Total parameters: 314B"
    ) => new(AnswerKind.Facts, title, headline, facts, citations, []);

    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<!channel> hi", "&lt;!channel&gt; hi")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("it's \"fine\"", "it's \"fine\"")]
    [InlineData("", "")]
    [InlineData("@here @channel @everyone @Here", "@\u200bhere @\u200bchannel @\u200beveryone @\u200bHere")]
    [InlineData("mail me@example.com", "mail me@example.com")]
    public void Escapes_slacks_control_characters_and_defuses_broadcast_mentions(string input, string expected) =>
        Assert.Equal(expected, SlackText.Escape(input));

    [Theory]
    [InlineData("https://x.ai/news/grok-os", "xAI, 17 Mar 2024", "<https://x.ai/news/grok-os|xAI, 17 Mar 2024>")]
    [InlineData("https://example.com/a?b=1&c=2", "Rumour & Co", "<https://example.com/a?b=1&amp;c=2|Rumour &amp; Co>")]
    [InlineData("https://example.com/x", "a|b>c", "<https://example.com/x|a¦b&gt;c>")]
    [InlineData("javascript:alert(1)", "click", "click")]
    [InlineData("not a url", "<!here>", "&lt;!here&gt;")]
    public void Links_only_http_urls_with_escaped_labels(string url, string label, string expected) =>
        Assert.Equal(expected, SlackText.Link(url, label));

    private static readonly RenderOptions Full = new(AnswerView.Full);

    [Fact]
    public void A_default_answer_has_no_header_the_answer_on_line_one_and_compact_citations_last()
    {
        var answer = Facts(
            [
                new FactLine("Total parameters", "314B", Confidence.Confirmed, [1]),
                new FactLine("Active parameters", "86B", Confidence.Likely, [2]),
            ],
            [Source(1), Source(2, "xAI (GitHub)", "https://github.com/xai-org/grok-1")]
        );
        var message = BlockKitRenderer.Render(answer, inChannel: false);

        Assert.Equal("section", message.Blocks[0]!["type"]!.GetValue<string>());
        var lines = message.Blocks[0]!["text"]!["text"]!.GetValue<string>().Split('\n');
        Assert.Equal(["*Grok-1 total parameters: 314B* · confirmed", "Active parameters: 86B · likely"], lines);
        var context = message.Blocks[^1]!;
        Assert.Equal("context", context["type"]!.GetValue<string>());
        Assert.Equal(
            "<https://x.ai/news/grok-os|xAI, 17 Mar 2024> · <https://github.com/xai-org/grok-1|GitHub>",
            context["elements"]![0]!["text"]!.GetValue<string>()
        );
        Assert.StartsWith("Grok-1 total parameters: 314B · confirmed", message.Text);
    }

    [Fact]
    public void The_full_view_leads_with_the_value_and_links_numbered_citations()
    {
        var answer = Facts([new FactLine("Total parameters", "314B", Confidence.Confirmed, [1])], [Source(1)]);
        var message = BlockKitRenderer.Render(answer, inChannel: false, Full);

        Assert.Equal("header", message.Blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("*Total parameters: 314B*", message.Blocks[1]!["text"]!["text"]!.GetValue<string>());
        var fact = message.Blocks[2]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("*Total parameters:* 314B <https://x.ai/news/grok-os|[1]>", fact);
        Assert.Contains("confirmed", fact);
        Assert.Contains(
            SlackJson.Texts(message.Blocks),
            t => t.Contains("[1] <https://x.ai/news/grok-os|xAI, 17 Mar 2024> Open Release of Grok-1 (primary)")
        );
        Assert.StartsWith("Grok-1: parameters: Total parameters: 314B", message.Text);
        Assert.Equal("ephemeral", message.ToResponse()["response_type"]!.GetValue<string>());
    }

    [Fact]
    public void Shows_disputes_with_the_conflicting_claims()
    {
        var dispute = new DisputeNote(
            "Sources disagree: xAI says 314B [1]; Rumour & Co says 400B [2].",
            [
                new DisputeSide("314B", [new ClaimRef("56gujm", 1, "xAI")], true),
                new DisputeSide("400B", [new ClaimRef("ukw678", 2, "Rumour & Co")], false),
            ]
        );
        var answer = Facts(
            [new FactLine("Total parameters", "sources disagree", Confidence.Disputed, [1, 2], dispute)],
            [Source(1), Source(2, "Rumour & Co", "https://example.com/r", "Bigger <!channel>")]
        );

        var admin = SlackJson
            .Texts(BlockKitRenderer.Render(answer, inChannel: true, Full with { ShowClaimIds = true }).Blocks)
            .ToList();
        var member = SlackJson.Texts(BlockKitRenderer.Render(answer, inChannel: true, Full).Blocks).ToList();

        var fact = Assert.Single(admin, t => t.Contains(":warning: *Disputed:*"));
        Assert.Contains("Rumour &amp; Co says 400B", fact);
        Assert.Contains("• *leads:* 314B: `56gujm` <https://x.ai/news/grok-os|[1]>", fact);
        Assert.Contains("• 400B: `ukw678` <https://example.com/r|[2]>", fact);
        Assert.DoesNotContain("confirmed", fact);
        Assert.DoesNotContain(admin, t => t.Contains("<!channel>"));
        Assert.Contains(member, t => t.Contains("• 400B: <https://example.com/r|[2]>"));
        Assert.DoesNotContain(member, t => t.Contains("ukw678"));
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(60, 3)]
    [InlineData(10, 200)]
    [InlineData(200, 200)]
    public void Stays_within_slacks_limits_and_says_what_it_left_out(int factCount, int sourceCount)
    {
        var sources = Enumerable
            .Range(1, sourceCount)
            .Select(n => Source(n, $"Publisher {n}", $"https://example.com/{n}", new string('t', 120)))
            .ToList();
        var facts = Enumerable
            .Range(1, factCount)
            .Select(n => new FactLine(
                $"Fact {n}",
                new string('v', 400),
                Confidence.Likely,
                [1 + (n % sourceCount)],
                Note: "<@U123> said so"
            ))
            .ToList();

        var message = BlockKitRenderer.Render(
            Facts(facts, sources, title: new string('T', 400)),
            inChannel: false,
            Full
        );
        var texts = SlackJson.Texts(message.Blocks).ToList();

        Assert.InRange(message.Blocks.Count, 1, BlockKitRenderer.MaxBlocks);
        Assert.InRange(texts.Sum(t => t.Length), 1, BlockKitRenderer.MaxMessageChars);
        Assert.All(
            message.Blocks.Where(b => b!["type"]!.GetValue<string>() == "section"),
            b => Assert.InRange(b!["text"]!["text"]!.GetValue<string>().Length, 1, 3000)
        );
        Assert.InRange(message.Blocks[0]!["text"]!["text"]!.GetValue<string>().Length, 1, 150);
        Assert.All(
            message.Blocks.Where(b => b!["type"]!.GetValue<string>() == "context"),
            b => Assert.InRange(b!["elements"]!.AsArray().Count, 1, 10)
        );
        Assert.InRange(message.Text.Length, 1, BlockKitRenderer.MaxFallbackText);
        Assert.DoesNotContain(texts, t => t.Contains("<@U123>"));
        var shownSources = texts.Sum(t => t.Split('\n').Count(line => line.StartsWith('[')));
        if (shownSources < sourceCount)
            Assert.Contains(texts, t => t == $"…and {sourceCount - shownSources} more sources");
        var shownFacts = texts.Count(t => t.StartsWith("*Fact ", StringComparison.Ordinal));
        if (shownFacts < factCount)
            Assert.Contains(texts, t => t.StartsWith($"…and {factCount - shownFacts} more.", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_context_blocks_to_ten_elements()
    {
        var answer = new Answer(
            AnswerKind.Help,
            "Help",
            null,
            [],
            [],
            Enumerable.Range(1, 14).Select(n => $"note {n}").ToArray()
        );
        var context = BlockKitRenderer
            .Render(answer, inChannel: false)
            .Blocks.Single(b => b!["type"]!.GetValue<string>() == "context")!;
        var elements = context["elements"]!.AsArray();
        Assert.Equal(10, elements.Count);
        Assert.Equal("note 10 note 11 note 12 note 13 note 14", elements[9]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("abcdef", 10, "abcdef")]
    [InlineData("abcdefghijkl", 10, "abcdefghi…")]
    [InlineData("abc <https://example.com|link> tail", 12, "abc …")]
    [InlineData("abcdef &amp; tail", 9, "abcdef …")]
    [InlineData("ok 👍🏽 done", 8, "ok 👍🏽…")]
    [InlineData("ok 👍🏽 done", 6, "ok …")]
    public void Truncates_without_breaking_links_or_entities(string text, int max, string expected) =>
        Assert.Equal(expected, SlackText.Truncate(text, max));

    [Fact]
    public void Plain_text_from_users_is_neutralised_like_mrkdwn()
    {
        var answer = Answer.Message(AnswerKind.NotFound, "Which '<!channel>'?", "'<!here>' is not known.");
        var texts = SlackJson.Texts(BlockKitRenderer.Render(answer, inChannel: false).Blocks).ToList();
        Assert.Equal("plain_text", BlockKitRenderer.Render(answer, false).Blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Contains("Which '&lt;!channel&gt;'?", texts);
        Assert.DoesNotContain(texts, t => t.Contains("<!"));
    }
}
