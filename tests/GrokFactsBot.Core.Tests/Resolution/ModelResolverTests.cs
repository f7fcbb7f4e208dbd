using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Tests.Support;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Tests.Resolution;

public sealed class ModelResolverTests : IDisposable
{
    private readonly KnowledgeFixture _kb = new();

    public ModelResolverTests() => _kb.Import();

    [Theory]
    [InlineData("grok-1", "grok-1")]
    [InlineData("Grok 1", "grok-1")]
    [InlineData("GROK_1", "grok-1")]
    [InlineData("grok1", "grok-1")]
    [InlineData("grok-1-base", "grok-1")]
    [InlineData("grok 2.5", "grok-2")]
    [InlineData("Grok-2.5", "grok-2")]
    [InlineData("V8-Small", "grok-v8-small")]
    [InlineData("the 0.5T model", "grok-v8-small")]
    [InlineData("grk-1", "grok-1")]
    [InlineData("gork-1", "grok-1")]
    [InlineData("gpt4", "gpt-4")]
    public void Names_resolve_whatever_their_case_spacing_or_small_typos(string typed, string id) =>
        Assert.Equal(id, Assert.IsType<R.Found>(_kb.Resolve(typed)).Model.Id);

    [Fact]
    public void A_family_name_with_several_models_is_ambiguous_and_lists_them()
    {
        var ambiguous = Assert.IsType<R.Ambiguous>(_kb.Resolve("grok"));
        Assert.Equal(["Grok 2", "Grok V8-small", "Grok-1"], ambiguous.Candidates.Select(m => m.Name).Order().ToList());
    }

    [Fact]
    public void An_unknown_name_is_not_found_with_the_closest_suggestions()
    {
        var notFound = Assert.IsType<R.NotFound>(_kb.Resolve("grok-9"));
        Assert.Contains(notFound.Suggestions, m => m.Id is "grok-1" or "grok-2");
    }

    [Theory]
    [InlineData("grok-1x")]
    [InlineData("grok 1.5")]
    [InlineData("grok-2 mini")]
    [InlineData("grok 3")]
    public void A_version_or_variant_that_matches_no_model_is_not_found_however_close_the_name(string typed) =>
        Assert.IsType<R.NotFound>(_kb.Resolve(typed));

    [Theory]
    [InlineData("grokk 1", "grok-1")]
    [InlineData("grok one", "grok-1")]
    [InlineData("grok two", "grok-2")]
    [InlineData("gpt four", "gpt-4")]
    public void Misspelt_words_and_number_words_find_the_model(string typed, string id) =>
        Assert.Equal(id, Assert.IsType<R.Found>(_kb.Resolve(typed)).Model.Id);

    [Fact]
    public void A_question_names_its_models_with_typos_and_ends_them_at_question_words()
    {
        var mentions = _kb.Get<ModelResolver>().FindMentions("is grokk 1 larger than grok 2.5?", Audience.Everyone);
        Assert.Equal(["grok-1", "grok-2"], mentions.Select(m => Assert.IsType<R.Found>(m.Resolution).Model.Id));
    }

    [Fact]
    public void A_version_after_a_known_name_in_a_question_is_an_unknown_model_not_the_shorter_one()
    {
        var mention = Assert.Single(_kb.Get<ModelResolver>().FindMentions("params grok 1.5 please", Audience.Everyone));
        Assert.Equal("grok 1.5", mention.Text);
        Assert.Contains(Assert.IsType<R.NotFound>(mention.Resolution).Suggestions, m => m.Id == "grok-1");
    }

    [Theory]
    [InlineData("llama3.1", "llama:Word 3.1:Version")]
    [InlineData("Qwen3-235B-A22B", "qwen:Word 3:Version 235b:Version a22b:Version")]
    [InlineData("deepseek-v3", "deepseek:Word v3:Version")]
    [InlineData("grok-4-mini", "grok:Word 4:Version mini:Suffix")]
    [InlineData("mixtral 8x7b", "mixtral:Word 8x7b:Version")]
    public void Names_split_into_words_versions_and_variants(string name, string tokens) =>
        Assert.Equal(tokens, string.Join(' ', NameTokens.Of(name).Select(t => $"{t.Text}:{t.Kind}")));

    [Fact]
    public void Nonsense_gets_no_suggestions() =>
        Assert.Empty(Assert.IsType<R.NotFound>(_kb.Resolve("zzzzqqqq")).Suggestions);

    [Fact]
    public void Autocomplete_puts_prefix_matches_first_and_caps_the_list()
    {
        var suggestions = _kb.Get<GrokFactsBot.Core.Resolution.ModelResolver>()
            .Suggest("gro", GrokFactsBot.Core.Resolution.Audience.Everyone, max: 2);
        Assert.Equal(2, suggestions.Count);
        Assert.All(suggestions, m => Assert.StartsWith("grok", m.Id));
    }

    public void Dispose() => _kb.Dispose();
}
