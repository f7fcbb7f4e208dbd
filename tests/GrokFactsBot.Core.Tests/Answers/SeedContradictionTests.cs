using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Answers;

/// <summary>The contradictions in the seed articles, answered from the real knowledge/ folder.</summary>
public sealed class SeedContradictionTests : IClassFixture<RealKnowledge>
{
    private readonly KnowledgeFixture _kb;

    public SeedContradictionTests(RealKnowledge real) => _kb = real.Kb;

    [Fact]
    public void Grok_1_is_the_314B_Apache_model_with_xais_own_post_cited()
    {
        var answer = _kb.Run("params grok-1");
        var total = answer.Facts.Single(f => f.Label == "Total parameters");
        Assert.Equal("314B", total.Value);
        Assert.Equal(Confidence.Confirmed, total.Confidence);
        Assert.Contains(
            answer.Citations,
            c => c.Url.Contains("x.ai/news/grok-os") || c.Url.Contains("github.com/xai-org/grok-1")
        );
        Assert.Contains("Apache-2.0", _kb.Run("license grok-1").Facts.Single(f => f.Label == "License").Value);
    }

    [Fact]
    public void Grok_2_being_314B_and_Apache_is_shown_as_a_dispute_with_the_seed_article_cited()
    {
        var parameters = _kb.Run("params grok 2.5").Facts.Single(f => f.Label == "Total parameters");
        Assert.NotNull(parameters.Dispute);
        Assert.Contains(parameters.Dispute!.Sides, s => s.Value == "314B");
        Assert.Contains(parameters.Dispute.Sides, s => s.Value.Contains("270B"));

        var answer = _kb.Run("license Grok-2");
        var license = answer.Facts.Single(f => f.Label == "License");
        Assert.Contains("Grok 2 Community License", license.Value);
        Assert.Contains(license.Dispute!.Sides, s => s.Value.StartsWith("Apache-2.0") && !s.IsLead);
        Assert.Contains(answer.Citations, c => c.Publisher.StartsWith("ai.net"));
    }

    [Fact]
    public void The_05T_models_opening_date_leads_with_musks_end_of_2026_and_shows_next_year_as_disputed()
    {
        var planned = _kb.Run("release the 0.5T model").Facts.Single(f => f.Label == "Open weights planned");
        Assert.StartsWith("by end of 2026", planned.Value);
        Assert.Contains(planned.Dispute!.Sides, s => s.Value.StartsWith("2027"));
    }

    [Fact]
    public void Mixtral_is_by_Mistral_not_Google()
    {
        var developer = _kb.Run("who makes mixtral 8x22b?").Facts.Single(f => f.Label == "Developer");
        Assert.Equal("Mistral AI", developer.Value);
        Assert.Contains(developer.Dispute!.Sides, s => s.Value == "Google");
    }

    [Fact]
    public void Llama_31_405B_was_not_the_largest_open_model_in_early_2026()
    {
        var largest = _kb.Run("model llama 3.1 405b").Facts.Single(f => f.Label == "Largest open-weights model");
        Assert.Equal("no", largest.Value);
        Assert.Contains(largest.Dispute!.Sides, s => s.Value == "yes");
    }

    [Fact]
    public void The_largest_open_model_is_computed_from_the_data_not_taken_from_an_article()
    {
        var answer = _kb.Run("what is the largest open model?");
        Assert.Equal("Largest open-weights models", answer.Title);
        Assert.StartsWith("Kimi K3", answer.Facts[0].Label);
        Assert.DoesNotContain(answer.Facts, f => f.Label.StartsWith("GPT"));
        Assert.True(answer.Facts.Count > 1);
    }

    [Fact]
    public void Gpt_4s_size_is_an_undisclosed_rumour_with_its_source()
    {
        var answer = _kb.Run("how many parameters does gpt-4 have?");
        var total = answer.Facts.Single(f => f.Label == "Total parameters");
        Assert.Contains(total.Dispute?.Sides.Select(s => s.Value) ?? [total.Value], v => v.Contains("rumoured"));
        Assert.Contains(answer.Facts, f => f.Value.Contains("not disclosed"));
    }

    [Theory]
    [InlineData("how many parameters does llama 3.1 405b have?", "Llama 3.1 405B: parameters")]
    [InlineData("what license is mixtral 8x22b under", "Mixtral 8x22B: license")]
    [InlineData("when did grok-1 come out", "Grok-1: release")]
    [InlineData("is deepseek-v3 larger than llama 3.1 405b", "DeepSeek-V3 vs Llama 3.1 405B")]
    [InlineData("grok1", "Grok-1")]
    public void Plain_questions_are_answered_with_the_matching_command(string question, string title) =>
        Assert.Equal(title, _kb.Run(question).Title);

    [Fact]
    public void Compare_names_the_larger_model()
    {
        var answer = _kb.Run("compare deepseek-v3 llama 3.1 405b");
        Assert.StartsWith("DeepSeek-V3 is larger", answer.Headline);
    }

    [Fact]
    public void A_question_with_no_known_model_says_what_was_understood_and_which_command_to_use()
    {
        var answer = _kb.Run("how many parameters does the moon have?");
        Assert.Equal(AnswerKind.Usage, answer.Kind);
        Assert.Contains("parameters", answer.Headline);
        Assert.Contains("params <model>", answer.Notes.Single());
    }

    [Fact]
    public void An_unknown_model_is_not_made_up()
    {
        var answer = _kb.Run("params grok-9000");
        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.Empty(answer.Facts);
        Assert.Contains("not in the knowledge base", answer.Headline);
    }

    [Fact]
    public void Every_model_in_the_base_answers_with_a_cited_card()
    {
        foreach (var model in _kb.Store.AllModels())
        {
            var card = _kb.Run($"model {model.Id}");
            Assert.Equal(AnswerKind.Facts, card.Kind);
            Assert.True(card.Citations.Count > 0, $"{model.Id} has no citation");
            Assert.All(card.Facts.SelectMany(f => f.Cites), n => Assert.InRange(n, 1, card.Citations.Count));
        }
    }

    [Fact]
    public void Disputes_lists_the_seed_contradictions_with_claim_ids()
    {
        var answer = _kb.Run("disputes");
        Assert.Contains(answer.Facts, f => f.Label.StartsWith("Grok-2") && f.Label.Contains("license"));
        Assert.Contains(answer.Facts, f => f.Label.StartsWith("Mixtral"));
        Assert.All(
            answer.Facts,
            f => Assert.All(f.Dispute!.Sides.SelectMany(s => s.Claims), c => Assert.Equal(6, c.ClaimId.Length))
        );
    }
}

/// <summary>The shipped knowledge/ folder, imported once, answered on 1 December 2026.</summary>
public sealed class RealKnowledge : IDisposable
{
    public RealKnowledge()
    {
        Kb = new KnowledgeFixture(new Dictionary<string, string>(), clock: FixedClock.December2026);
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
            Kb.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        var result = Kb.Import();
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("\n", result.Problems));
    }

    public KnowledgeFixture Kb { get; }

    public void Dispose() => Kb.Dispose();
}
