using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Tests.Knowledge.Datasets;

public class DatasetImportTests
{
    private static void Imported(SampleDatasets data)
    {
        var result = data.Kb.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    private static IReadOnlyList<(Claim Claim, Source Source)> Claims(SampleDatasets data, string modelId) =>
        data.Kb.Store.ClaimsWithSources(modelId);

    [Fact]
    public void Epoch_rows_become_claims_each_citing_its_row_with_attribution_and_the_rows_own_link()
    {
        using var data = new SampleDatasets();
        Imported(data);
        var (claim, source) = Assert.Single(
            Claims(data, "grok-1"),
            c => c.Source.Kind == SourceKind.Dataset && c.Claim.Attribute == ModelAttribute.TotalParameters
        );
        Assert.Equal("314B", claim.Value.Text);
        Assert.Equal("Data: Epoch AI, CC BY 4.0", source.Attribution);
        Assert.Equal(Basis.Compiled, Evidence.BasisOf(claim, source));
        Assert.Contains("Grok-1", source.Title);
        Assert.Contains("per https://x.ai/news/grok-os", claim.Note);
        Assert.Contains("confidence Likely", claim.Note);
    }

    [Fact]
    public void A_publication_date_is_an_announced_date_and_a_models_dev_release_an_api_date()
    {
        using var data = new SampleDatasets();
        Imported(data);
        var epoch = Claims(data, "grok-1").Where(c => c.Source.Kind == SourceKind.Dataset).ToList();
        Assert.Equal("2023-11-04", Assert.Single(epoch, c => c.Claim.Attribute == ModelAttribute.AnnouncedDate).Claim.Value.Text);
        // "Open weights" with no day is true by the snapshot's day: a deadline, never an invented date.
        var open = Assert.Single(epoch, c => c.Claim.Attribute == ModelAttribute.OpenWeightsDate).Claim.Value;
        Assert.Equal(DatePrecision.ByDate, Assert.IsType<DateValue>(open).Precision);
        Assert.Equal(new DateOnly(2026, 7, 6), ((DateValue)open).End);
        var qwen = data.Kb.Resolve("qwen3 235b a22b");
        var model = Assert.IsType<R.Found>(qwen).Model;
        Assert.Contains(
            Claims(data, model.Id),
            c => c.Claim.Attribute == ModelAttribute.ApiAvailabilityDate && c.Claim.Value.Text == "2025-04"
        );
        Assert.All(
            Claims(data, model.Id).Where(c => c.Claim.Attribute == ModelAttribute.OpenWeightsDate),
            c => Assert.Equal(DatePrecision.ByDate, ((DateValue)c.Claim.Value).Precision)
        );
    }

    [Fact]
    public void Epoch_speculative_figures_are_approximate_estimates_and_rumoured_ones_rumours()
    {
        using var data = new SampleDatasets();
        Imported(data);
        var mixtral = Assert.IsType<R.Found>(data.Kb.Resolve("mixtral 8x7b")).Model;
        var estimate = Assert.Single(
            Claims(data, mixtral.Id),
            c => c.Source.Publisher == "Epoch AI" && c.Claim.Attribute == ModelAttribute.TotalParameters
        );
        Assert.Equal(Basis.Estimate, estimate.Claim.Basis);
        Assert.Equal(Qualifier.Approximate, estimate.Claim.Qualifier);
        Assert.Equal(Confidence.Speculative, ConfidenceRule.Of(estimate.Claim, estimate.Source));
        var gpt4 = Assert.IsType<R.Found>(data.Kb.Resolve("gpt-4 (mar 2023)")).Model;
        var rumour = Assert.Single(Claims(data, gpt4.Id), c => c.Claim.Attribute == ModelAttribute.TotalParameters);
        Assert.Equal(Basis.Rumour, rumour.Claim.Basis);
    }

    [Fact]
    public void Dataset_values_rank_below_the_labs_own_word_and_above_commentary()
    {
        Assert.True(SourceKind.Primary < SourceKind.Dataset && SourceKind.Dataset < SourceKind.Commentary);
        Assert.Equal(Confidence.Likely, ConfidenceRule.Of(SourceKind.Dataset, Basis.Compiled));
    }

    [Fact]
    public void A_malformed_epoch_row_is_reported_at_its_line_and_nothing_is_written()
    {
        using var data = new SampleDatasets();
        // The Mixtral note spans two lines, so the GPT-4 row starts on line 7.
        data.Write("epoch", "notable.csv", SampleDatasets.EpochCsv.Replace("1800000000000.0", "lots"));
        var result = data.Kb.Import();
        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(
            $"{SampleDatasets.EpochFile}:7: 'GPT-4 (Mar 2023)': Parameters 'lots' is not a count",
            problem.ToString()
        );
        Assert.Equal(0, data.Kb.Store.ModelCount);
    }

    [Fact]
    public void A_csv_row_with_the_wrong_number_of_cells_is_reported_at_its_line()
    {
        using var data = new SampleDatasets();
        data.Write("epoch", "notable.csv", SampleDatasets.EpochCsv + "Broken,row\n");
        var problem = Assert.Single(data.Kb.Import().Problems);
        Assert.Equal($"{SampleDatasets.EpochFile}:9: the row has 2 cells; the header has 9", problem.ToString());
    }

    [Fact]
    public void A_csv_without_the_columns_it_needs_says_which_are_missing()
    {
        using var data = new SampleDatasets();
        data.Write("epoch", "notable.csv", "Model,Organization\nGrok-1,xAI\n");
        var problem = Assert.Single(data.Kb.Import().Problems);
        Assert.StartsWith(
            $"{SampleDatasets.EpochFile}:1: the header lacks the column(s) Publication date, Parameters",
            problem.ToString()
        );
    }

    [Fact]
    public void Invalid_toml_is_reported_at_its_line()
    {
        using var data = new SampleDatasets();
        data.Write("models-dev", "models/alibaba/qwen3-235b-a22b.toml", "name = \"Qwen3\"\nrelease_date = \n");
        var problem = Assert.Single(data.Kb.Import().Problems);
        Assert.StartsWith(
            "dataset:models-dev/models/alibaba/qwen3-235b-a22b.toml:2: not valid TOML",
            problem.ToString()
        );
    }

    [Fact]
    public void A_toml_value_of_the_wrong_kind_is_reported_at_its_line()
    {
        using var data = new SampleDatasets();
        data.Write(
            "models-dev",
            "models/alibaba/qwen3-235b-a22b.toml",
            SampleDatasets.QwenToml.Replace("context = 131_072", "context = \"big\"")
        );
        var problem = Assert.Single(data.Kb.Import().Problems);
        Assert.Equal(
            "dataset:models-dev/models/alibaba/qwen3-235b-a22b.toml:8: [limit] context must be a whole number of tokens, not \"big\"",
            problem.ToString()
        );
    }

    [Fact]
    public void Invalid_json_and_a_count_that_is_not_a_number_are_reported_at_their_lines()
    {
        using var data = new SampleDatasets();
        const string path = "data/organizations/qwen/models/qwen3-235b-a22b/model.json";
        data.Write(
            "llm-stats",
            path,
            SampleDatasets.LlmStatsModel("qwen3-235b-a22b", "Qwen3 235B A22B", "qwen", "2025-04-29", "\"235B\"", null)
        );
        var problem = Assert.Single(data.Kb.Import().Problems);
        Assert.Equal(
            $"dataset:llm-stats/{path}:8: 'param_count' must be a whole number ≥ 0, not \"235B\"",
            problem.ToString()
        );
        data.Write("llm-stats", path, "{ \"model_id\": \n");
        Assert.StartsWith(
            $"dataset:llm-stats/{path}:2: not valid JSON",
            Assert.Single(data.Kb.Import().Problems).ToString()
        );
    }

    [Fact]
    public void A_dataset_folder_without_a_manifest_stops_the_import_with_the_setting_to_fix()
    {
        using var data = new SampleDatasets();
        var result = data
            .Kb.Get<Core.Knowledge.KnowledgeImporter>()
            .Import(data.Kb.Directory, datasets: ["datasets/nowhere"]);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("needs a dataset.json (setting Knowledge:Datasets)", problem.Message);
    }

    [Fact]
    public void Importing_unchanged_datasets_again_writes_nothing()
    {
        using var data = new SampleDatasets();
        Imported(data);
        var version = data.Kb.Store.Version;
        var again = data.Kb.Import();
        Assert.True(again.Succeeded);
        Assert.Empty(again.FilesChanged);
        Assert.Equal(version, data.Kb.Store.Version);
    }

    [Fact]
    public void A_changed_dataset_file_replaces_what_it_owns_and_leaves_the_other_datasets_alone()
    {
        using var data = new SampleDatasets();
        Imported(data);
        var qwen = Assert.IsType<R.Found>(data.Kb.Resolve("qwen3-235b-a22b")).Model.Id;
        var before = Claims(data, qwen).Count(c => c.Source.Publisher != "Epoch AI");
        data.Write(
            "epoch",
            "notable.csv",
            SampleDatasets
                .EpochCsv.Replace("314000000000.0", "310000000000.0")
                .Replace(
                    "Llama 3.1-70B,Meta AI,2024-07-23,70000000000.0,70B,Confident,https://huggingface.co/meta-llama/Llama-3.1-405B,Open weights (restricted use),\n",
                    ""
                )
        );
        Imported(data);
        var grok = Claims(data, "grok-1")
            .Where(c => c.Source.Publisher == "Epoch AI" && c.Claim.Attribute == ModelAttribute.TotalParameters);
        Assert.Equal("310B", Assert.Single(grok).Claim.Value.Text);
        Assert.IsType<R.NotFound>(data.Kb.Resolve("llama 3.1-70b"));
        Assert.Equal(before, Claims(data, qwen).Count(c => c.Source.Publisher != "Epoch AI"));
    }

    [Fact]
    public void Removing_a_dataset_from_the_settings_removes_its_rows_and_the_models_only_it_brought()
    {
        using var data = new SampleDatasets();
        Imported(data);
        var result = data.Kb.Get<Core.Knowledge.KnowledgeImporter>().Import(data.Kb.Directory, datasets: []);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(2, data.Kb.Store.ModelCount);
        Assert.DoesNotContain(Claims(data, "grok-1"), c => c.Source.Kind == SourceKind.Dataset);
    }
}

public class DatasetSettingsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", 0)]
    public void Datasets_default_to_the_shipped_folders_and_an_empty_value_turns_them_off(string? value, int? count)
    {
        var settings = new Dictionary<string, string?>();
        if (value is not null)
            settings["Knowledge:Datasets"] = value;
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build()
        );
        services.AddKnowledgeCore();
        using var provider = services.BuildServiceProvider();
        var options =
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrokFactsBot.Core.Storage.KnowledgeOptions>>();
        Assert.Equal(count, options.Value.Datasets?.Count);
    }
}
