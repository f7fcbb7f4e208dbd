using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Tests.Knowledge.Datasets;

public class DatasetJoinTests
{
    private static SampleDatasets Imported()
    {
        var data = new SampleDatasets();
        var result = data.Kb.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return data;
    }

    private static Model Found(SampleDatasets data, string name) => Assert.IsType<R.Found>(data.Kb.Resolve(name)).Model;

    [Fact]
    public void A_row_whose_hugging_face_repo_a_curated_model_carries_attaches_to_it()
    {
        using var data = Imported();
        Assert.Contains(data.Kb.Store.ClaimsWithSources("grok-1"), c => c.Source.Publisher == "Epoch AI");
    }

    [Fact]
    public void A_row_named_like_a_curated_model_attaches_to_it()
    {
        using var data = Imported();
        Assert.Contains(
            data.Kb.Store.ClaimsWithSources("llama-3.1-405b"),
            c => c.Source.Title.Contains("Llama 3.1-405B")
        );
    }

    [Fact]
    public void A_row_is_never_joined_to_a_sibling_even_when_its_link_points_at_the_siblings_repo()
    {
        using var data = Imported();
        var claims = data.Kb.Store.ClaimsWithSources("llama-3.1-405b");
        Assert.DoesNotContain(claims, c => c.Claim.Value.Text == "70B");
        var seventy = Found(data, "llama 3.1 70b");
        Assert.NotEqual("llama-3.1-405b", seventy.Id);
        Assert.Contains(data.Kb.Store.ClaimsFor(seventy.Id), c => c.Value.Text == "70B");
    }

    [Fact]
    public void The_same_model_in_three_datasets_is_one_model()
    {
        using var data = Imported();
        var qwen = Found(data, "qwen3-235b-a22b");
        var publishers = data.Kb.Store.ClaimsWithSources(qwen.Id).Select(c => c.Source.Publisher).Distinct().Order();
        Assert.Equal(["Epoch AI", "LLM-Stats", "models.dev"], publishers);
        Assert.Equal(qwen.Id, Found(data, "Qwen/Qwen3-235B-A22B").Id);
    }

    [Fact]
    public void Every_model_answers_to_its_names_alone_and_moving_api_pointers_are_left_out()
    {
        using var data = Imported();
        var models = data.Kb.Store.AllModels();
        var keys = models.SelectMany(m => Documents.NameKeys(m).Select(k => (k, m.Id))).ToList();
        Assert.Empty(keys.GroupBy(k => k.k).Where(g => g.Select(x => x.Id).Distinct().Count() > 1).Select(g => g.Key));
        // grok-1, llama 405b curated; mixtral, 70b, gpt-4, qwen from the datasets
        Assert.Equal(6, models.Count);
        Assert.IsType<R.NotFound>(data.Kb.Resolve("mistral large"));
    }

    [Fact]
    public void Datasets_that_disagree_make_a_dispute_and_a_curated_preferred_claim_still_leads()
    {
        using var data = Imported();
        var mixtral = Found(data, "mixtral 8x7b");
        var claims = data.Kb.Store.ClaimsWithSources(mixtral.Id);
        var fact = FactAnalysis.Of(ModelAttribute.TotalParameters, claims);
        Assert.True(fact.IsDisputed);
        Assert.Equal(2, fact.Sides.Count);
        var answer = data.Kb.Run("disputes mixtral 8x7b");
        Assert.Contains(answer.Facts, f => f.Dispute is not null && f.Label == "Total parameters");

        var grok = FactAnalysis.Of(ModelAttribute.TotalParameters, data.Kb.Store.ClaimsWithSources("grok-1"));
        Assert.Equal("314B", grok.Lead!.Best.Value.Text);
        Assert.Equal(SourceKind.Primary, grok.Lead.BestEvidence.Source.Kind);
    }

    [Fact]
    public void Answers_showing_cc_by_values_carry_their_attribution()
    {
        using var data = Imported();
        var answer = data.Kb.Run("params grok-1");
        Assert.Contains("Data: Epoch AI, CC BY 4.0", answer.Attributions);
        var qwen = data.Kb.Run("model qwen3-235b-a22b");
        Assert.Contains("Data: Epoch AI, CC BY 4.0", qwen.Attributions);
        Assert.Contains("Data: LLM-Stats, CC BY 4.0", qwen.Attributions);
    }

    [Fact]
    public void A_curated_alias_added_later_moves_the_rows_onto_the_curated_model()
    {
        using var data = Imported();
        var before = Found(data, "gpt-4 (mar 2023)");
        Assert.Equal(Origin.File("dataset:models"), before.Origin);
        data.Kb.Write(
            "models.yaml",
            SampleDatasets.Curated
                + "\n"
                + """
                  - id: gpt-4
                    name: GPT-4
                    developer: OpenAI
                    status: released
                    aliases: [gpt-4 (mar 2023)]
                """
        );
        var result = data.Kb.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("gpt-4", Found(data, "gpt-4 (mar 2023)").Id);
        Assert.Contains(data.Kb.Store.ClaimsFor("gpt-4"), c => c.Value.Text == "1.8T");
        // What answers read: the published snapshot moved them too.
        Assert.Contains(data.Kb.Store.ClaimsWithSources("gpt-4"), c => c.Claim.Value.Text == "1.8T");
        Assert.Equal(6, data.Kb.Store.ModelCount);
    }
}
