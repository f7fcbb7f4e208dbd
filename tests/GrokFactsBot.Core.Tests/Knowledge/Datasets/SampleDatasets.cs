using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;
using LiteDB;

namespace GrokFactsBot.Core.Tests.Knowledge.Datasets;

/// <summary>
/// Three small datasets in the shipped formats (Epoch CSV, models.dev TOML, LLM-Stats JSON) beside a curated file,
/// imported into a real LiteDB file. The rows are chosen to exercise the join: a Hugging Face id, a name, a row
/// that must not join (its link points at a sibling's repo), the same model in all three, and a disagreement.
/// </summary>
public sealed class SampleDatasets : IDisposable
{
    public const string EpochFile = "dataset:epoch/notable.csv";

    private readonly TempFolder _db = new("grokfacts-datasets-db-");
    private readonly LiteDatabase _database;

    public SampleDatasets(bool withDatasets = true)
    {
        _database = LiteDbFactory.OpenFile(_db.Combine("grokfacts.db"));
        Kb = new KnowledgeFixture(new Dictionary<string, string> { ["models.yaml"] = Curated }, _database);
        if (withDatasets)
            WriteAll();
    }

    public KnowledgeFixture Kb { get; }

    public void WriteAll()
    {
        Write(
            "epoch",
            "dataset.json",
            Manifest(
                "epoch-notable-models",
                "Notable AI Models",
                "Epoch AI",
                "2026-07-06",
                attribution: "Data: Epoch AI, CC BY 4.0"
            )
        );
        Write("epoch", "notable.csv", EpochCsv);
        Write(
            "models-dev",
            "dataset.json",
            Manifest(
                "models-dev",
                "models.dev",
                "models.dev",
                "2026-07-02",
                rowUrl: "https://github.com/anomalyco/models.dev/blob/f3fc692299671838c7c65fd8126bf84d81a2e817/{path}"
            )
        );
        Write("models-dev", "providers/alibaba/provider.toml", "name = \"Alibaba\"\n");
        Write("models-dev", "models/alibaba/qwen3-235b-a22b.toml", QwenToml);
        Write(
            "models-dev",
            "models/mistral/mistral-large-latest.toml",
            "name = \"Mistral Large (latest)\"\nrelease_date = \"2025-12-02\"\n"
        );
        Write(
            "llm-stats",
            "dataset.json",
            Manifest(
                "llm-stats",
                "LLM-Stats",
                "LLM-Stats",
                "2025-10-16",
                attribution: "Data: LLM-Stats, CC BY 4.0",
                rowUrl: "https://github.com/JonathanChavezTamales/llm-leaderboard/blob/24a9ccf7402306f0c3e237213538e4537d64ecc2/{path}"
            )
        );
        Write("llm-stats", "data/licenses/apache_2_0.json", """{ "license_id": "apache_2_0", "name": "Apache 2.0" }""");
        Write(
            "llm-stats",
            "data/organizations/qwen/organization.json",
            """{ "organization_id": "qwen", "name": "Alibaba Cloud / Qwen Team" }"""
        );
        Write(
            "llm-stats",
            "data/organizations/mistral/organization.json",
            """{ "organization_id": "mistral", "name": "Mistral AI" }"""
        );
        Write(
            "llm-stats",
            "data/organizations/qwen/models/qwen3-235b-a22b/model.json",
            LlmStatsModel(
                "qwen3-235b-a22b",
                "Qwen3 235B A22B",
                "qwen",
                "2025-04-29",
                "235000000000",
                "https://huggingface.co/Qwen/Qwen3-235B-A22B"
            )
        );
        Write(
            "llm-stats",
            "data/organizations/mistral/models/mixtral-8x7b-instruct/model.json",
            LlmStatsModel(
                "mixtral-8x7b-instruct",
                "Mixtral 8x7B Instruct",
                "mistral",
                "2023-12-11",
                "56000000000",
                null
            )
        );
    }

    public void Write(string dataset, string path, string text) => Kb.Write($"datasets/{dataset}/{path}", text);

    public void Dispose()
    {
        Kb.Dispose();
        _database.Dispose();
        _db.Dispose();
    }

    public static string Manifest(
        string format,
        string title,
        string publisher,
        string snapshot,
        string? attribution = null,
        string? rowUrl = null
    ) =>
        $$"""
            {
              "format": "{{format}}",
              "title": "{{title}}",
              "publisher": "{{publisher}}",
              "page": "https://example.org/{{format}}",
              "license": "test data",
              "snapshot": "{{snapshot}}"{{(attribution is null ? "" : $",\n  \"attribution\": \"{attribution}\"")}}{{(
                rowUrl is null ? "" : $",\n  \"rowUrl\": \"{rowUrl}\""
            )}}
            }
            """;

    public static string LlmStatsModel(
        string id,
        string name,
        string org,
        string date,
        string paramCount,
        string? weights
    ) =>
        $$"""
            {
              "model_id": "{{id}}",
              "name": "{{name}}",
              "organization_id": "{{org}}",
              "release_date": "{{date}}",
              "announcement_date": "{{date}}",
              "license_id": "apache_2_0",
              "param_count": {{paramCount}},
              "source_scorecard_blog_link": "https://example.org/{{id}}-blog",
              "source_weights_link": {{(weights is null ? "null" : $"\"{weights}\"")}}
            }
            """;

    public const string Curated = """
        sources:
          - id: xai-grok-os
            url: https://x.ai/news/grok-os
            title: Open Release of Grok-1
            publisher: xAI
            published: 2024-03-17
            kind: primary
          - id: meta-llama-3-1
            url: https://ai.meta.com/blog/meta-llama-3-1/
            title: Introducing Llama 3.1
            publisher: Meta
            published: 2024-07-23
            kind: primary
        models:
          - id: grok-1
            name: Grok-1
            developer: xAI
            family: grok
            status: released
            aliases: [grok1, xai-org/grok-1]
            claims:
              - attribute: total_parameters
                value: 314B
                source: xai-grok-os
                rank: preferred
                rank_reason: xAI's own release post
              - attribute: open_weights_released
                value: 2024-03-17
                source: xai-grok-os
          - id: llama-3.1-405b
            name: Llama 3.1 405B
            developer: Meta
            family: llama
            status: released
            aliases: [llama 3.1 405b, meta-llama/Llama-3.1-405B]
            claims:
              - attribute: total_parameters
                value: 405B
                source: meta-llama-3-1
        """;

    // Line 1 header; the Mixtral row's note spans lines 4-5, so the rows after it start a line later.
    public const string EpochCsv = """"
        Model,Organization,Publication date,Parameters,Parameters notes,Confidence,Link,Model accessibility,Abstract
        Grok-1,xAI,2023-11-04,314000000000.0,"""314B parameter Mixture-of-Experts model"" https://x.ai/news/grok-os",Likely,https://huggingface.co/xai-org/grok-1,Open weights (unrestricted),
        Llama 3.1-405B,Meta AI,2024-07-23,405000000000.0,405B,Confident,https://ai.meta.com/research/publications/the-llama-3-herd-of-models/,Open weights (restricted use),
        Mixtral 8x7B,Mistral AI,2023-12-11,46700000000.0,"46.7B *sparse* params.
        12.9B used per token",Speculative,https://mistral.ai/news/mixtral-of-experts/,Open weights (unrestricted),
        Llama 3.1-70B,Meta AI,2024-07-23,70000000000.0,70B,Confident,https://huggingface.co/meta-llama/Llama-3.1-405B,Open weights (restricted use),
        GPT-4 (Mar 2023),OpenAI,2023-03-15,1800000000000.0,Rumored to be 1.8T parameter MoE,Likely,https://arxiv.org/abs/2303.08774,API access,
        Qwen3-235B-A22B,Alibaba,2025-04-29,235000000000.0,235B total,Confident,https://qwenlm.github.io/blog/qwen3/,Open weights (unrestricted),

        """";

    public const string QwenToml = """
        name = "Qwen3 235B A22B"
        family = "qwen"
        release_date = "2025-04"
        last_updated = "2025-04-29"
        open_weights = true

        [limit]
        context = 131_072
        output = 8_192

        [[weights]]
        label = "Hugging Face"
        url = "https://huggingface.co/Qwen/Qwen3-235B-A22B"
        """;
}
