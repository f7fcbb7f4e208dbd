using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Knowledge;

/// <summary>
/// Key facts of the shipped knowledge/ folder, imported into a real LiteDB file and asked through the command path,
/// so a change to the YAML that breaks one of them fails here.
/// </summary>
public sealed class ShippedKnowledgeTests(ShippedKnowledge shipped) : IClassFixture<ShippedKnowledge>
{
    private readonly KnowledgeFixture _kb = shipped.Kb;

    [Fact]
    public void The_largest_open_model_is_kimi_k3_at_2_8T()
    {
        var answer = _kb.Run("what is the largest open model?");
        Assert.StartsWith("Kimi K3 is the largest", answer.Headline);
        Assert.StartsWith("Kimi K3 —", answer.Facts[0].Label);
        Assert.Equal("2.8T", answer.Facts[0].Value);
        Assert.Contains(answer.Citations, c => c.Url.Contains("MoonshotAI/Kimi-K3"));
    }

    [Fact]
    public void A_size_only_musk_stated_answers_as_claimed_and_cites_his_post()
    {
        var answer = _kb.Run("params grok 4.8");
        var total = answer.Facts.Single(f => f.Label == "Total parameters");
        Assert.Equal("≈2.5T", total.Value);
        Assert.Equal(Confidence.Claimed, total.Confidence);
        Assert.Contains(answer.Citations, c => c.Url.StartsWith("https://x.com/elonmusk/"));
    }

    [Fact]
    public void The_05T_models_open_weights_are_still_a_promise_for_the_end_of_2026()
    {
        var answer = _kb.Run("release the 0.5T model");
        var planned = answer.Facts.Single(f => f.Label == "Open weights planned");
        Assert.StartsWith("by end of 2026", planned.Value);
        Assert.Contains("planned", planned.Value);
        Assert.DoesNotContain(answer.Facts, f => f.Label == "Open weights released");
    }

    [Fact]
    public void A_closed_models_size_is_not_disclosed_with_its_source()
    {
        var answer = _kb.Run("params grok 4.7");
        var size = answer.Facts.Single(f => f.Label == "Total parameters");
        Assert.Equal("not disclosed", size.Value);
        Assert.NotEmpty(size.Cites);
        Assert.Contains(answer.Citations, c => c.Url.StartsWith("https://docs.x.ai/"));
    }

    [Theory]
    [InlineData("params claude opus 5", "https://platform.claude.com/")]
    [InlineData("params gemini 4 argon", "https://docs.cloud.google.com/")]
    [InlineData("params gpt-6 astra", "https://vercel.com/")]
    public void Closed_frontier_models_say_their_size_is_not_disclosed(string question, string citedUrl)
    {
        var answer = _kb.Run(question);
        var size = answer.Facts.Single(f => f.Label == "Total parameters");
        Assert.Equal("not disclosed", size.Value);
        Assert.NotEmpty(size.Cites);
        Assert.Contains("not disclosed", answer.Lead!.Answer);
        Assert.Contains(answer.Citations, c => c.Url.StartsWith(citedUrl));
    }

    [Fact]
    public void Grok_3_was_retired_from_the_api_while_its_open_weights_remain_a_promise()
    {
        var answer = _kb.Run("model grok 3");
        Assert.Matches("15 May 2026|2026-05-15", answer.Facts.Single(f => f.Label == "Retired").Value);
        Assert.Contains(answer.Facts, f => f.Label == "Open weights planned");
        Assert.DoesNotContain(answer.Facts, f => f.Label == "Open weights released");
    }
}

/// <summary>The shipped knowledge/ folder imported once into a LiteDB file in a temp folder.</summary>
public sealed class ShippedKnowledge : IDisposable
{
    private readonly TempFolder _folder = new("grokfacts-shipped-");

    public ShippedKnowledge()
    {
        Kb = new KnowledgeFixture(new Dictionary<string, string>(), LiteDbFactory.OpenFile(_folder.Combine("kb.db")));
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
            Kb.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        var result = Kb.Import();
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("\n", result.Problems));
    }

    public KnowledgeFixture Kb { get; }

    public void Dispose()
    {
        Kb.Dispose();
        _folder.Dispose();
    }
}
