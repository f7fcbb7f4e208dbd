using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Testing.HuggingFace;

namespace GrokFactsBot.Core.Tests.Watch;

public sealed class NewsTests : IAsyncLifetime
{
    private static readonly Caller Member = Caller.Console("member");
    private FakeHuggingFace _hub = null!;
    private WatchBed _bed = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHuggingFace.StartAsync(new FakeRepo("xai-org/grok-1", new(2024, 3, 17, 0, 0, 0, TimeSpan.Zero)));
        _bed = new WatchBed(_hub, settings: new() { ["Watch:HuggingFace:Organizations:0"] = "xai-org" });
        await _bed.PollAsync();
        _hub.Publish(new FakeRepo("xai-org/grok-3", WatchBed.Start.AddMinutes(5), 1_200_000_000_000, "apache-2.0"));
        await _bed.NextPollAsync();
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public void News_from_a_developer_names_the_new_repo_dated_and_cited_as_of_now()
    {
        var news = _bed.Run("news xai", Member);

        Assert.Equal(AnswerKind.List, news.Kind);
        Assert.Equal("What's new from xAI", news.Title);
        Assert.Contains("As of 1 Dec 2026 09:15 UTC", news.Headline, StringComparison.Ordinal);
        var line = Assert.Single(news.Facts);
        Assert.Equal("1 Dec 2026 · Grok 3", line.Label);
        Assert.StartsWith("New open weights: xai-org/grok-3", line.Value, StringComparison.Ordinal);
        Assert.Contains(line.Cites, n => news.Citations[n - 1].Url == "https://huggingface.co/xai-org/grok-3");
    }

    [Fact]
    public void News_of_everyone_also_lists_releases_the_knowledge_base_dates_in_the_window_newest_first()
    {
        var news = _bed.Run("news", Member);

        Assert.Equal(["1 Dec 2026 · Grok 3", "20 Nov 2026 · Test V9"], news.Facts.Select(f => f.Label));
        Assert.Equal("https://testlab.example/blog/v9", news.Citations[news.Facts[1].Cites[0] - 1].Url);
        Assert.Empty(_bed.Run("news testlab 7", Member).Facts);
        Assert.Single(_bed.Run("news days:12 developer:testlab", Member).Facts);
    }

    [Theory]
    [InlineData("ask what's new from xai?", "What's new from xAI")]
    [InlineData("what is new from xAI", "What's new from xAI")]
    [InlineData("any news?", "What's new")]
    [InlineData("latest releases by testlab", "What's new from TestLab")]
    public void A_whats_new_question_is_answered_with_the_news(string line, string title) =>
        Assert.Equal(title, _bed.Run(line, Member).Title);

    [Fact]
    public void A_question_that_only_mentions_new_is_not_taken_for_news() =>
        Assert.NotEqual("What's new", _bed.Run("ask is grok 3 new?", Member).Title);

    [Theory]
    [InlineData("news nobody", "Which developer?")]
    [InlineData("news xai 0", "Which days?")]
    [InlineData("news xai 999", "Which days?")]
    public void A_bad_developer_or_day_count_gets_a_usage_answer(string line, string title)
    {
        var answer = _bed.Run(line, Member);
        Assert.Equal((AnswerKind.Usage, title), (answer.Kind, answer.Title));
    }
}
