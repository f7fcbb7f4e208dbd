using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.Tests.Resolution;

public sealed class WordIndexTests
{
    private static readonly WordIndex Index = new(["grok", "llama", "mixtral", "deepseek", "qwen", "gemini", "o3"]);

    [Theory]
    [InlineData("grokk", null, "grok:1")]
    [InlineData("gork", null, "grok:1")] // neighbours swapped count once
    [InlineData("lama", null, "llama:1")]
    [InlineData("deepsek", null, "deepseek:1")]
    [InlineData("deeepseekk", null, "deepseek:2")] // ten letters: two typos allowed
    [InlineData("mixtrla", null, "mixtral:1")]
    [InlineData("grook", null, "grok:1")]
    [InlineData("qwen", null, "qwen:0")]
    [InlineData("o4", null, "")] // two letters: no typo allowed
    [InlineData("o4", 2, "")] // a two-letter word is stored only as itself
    [InlineData("gpt", null, "")]
    [InlineData("gemni", null, "gemini:1")]
    [InlineData("gmeinii", null, "")] // two edits from gemini, but seven letters allow one
    [InlineData("gmeinii", 2, "gemini:2")]
    public void Finds_the_nearest_words_within_the_edits_allowed(string typed, int? maxEdits, string expected)
    {
        var near = Index.Near(typed, maxEdits).Select(n => $"{n.Word}:{n.Distance}");
        Assert.Equal(expected, string.Join(' ', near));
    }

    [Fact]
    public void Words_at_the_same_distance_come_in_order()
    {
        var index = new WordIndex(["grok", "gro", "grokx"]);
        Assert.Equal(["grok:0", "gro:1", "grokx:1"], index.Near("grok", 1).Select(n => $"{n.Word}:{n.Distance}"));
    }

    [Fact]
    public void A_pasted_wall_of_text_is_near_no_word()
    {
        Assert.Empty(Index.Near(new string('g', 100_000)));
        Assert.Empty(new WordIndex([]).Near("grok"));
    }
}
