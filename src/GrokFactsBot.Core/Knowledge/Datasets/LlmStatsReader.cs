using System.Text.Json;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// LLM-Stats: a <c>model.json</c> per model, organisations and licences as their own records. Its release and
/// announcement dates are the same day in every row, so the pair is read as one announced date.
/// </summary>
internal static class LlmStatsReader
{
    /// <summary>
    /// LLM-Stats licence ids in the knowledge files' form: an SPDX id, or the licence's own name and its class.
    /// "unknown" says nothing and is left out.
    /// </summary>
    private static readonly Dictionary<string, string> Licences = new(StringComparer.Ordinal)
    {
        ["apache_2_0"] = "Apache-2.0",
        ["mit"] = "MIT",
        ["mit_license"] = "MIT",
        ["creative_commons_attribution_4_0_license"] = "CC-BY-4.0",
        ["proprietary"] = "Proprietary | proprietary",
        ["cc_by_nc"] = "CC BY-NC | restricted",
        ["deepseek"] = "DeepSeek License Agreement | restricted",
        ["gemma"] = "Gemma Terms of Use | restricted",
        ["health_ai_developer_foundations_terms_of_use"] = "Health AI Developer Foundations Terms of Use | restricted",
        ["jamba_open_model_license"] = "Jamba Open Model License | restricted",
        ["llama3_2"] = "Llama 3.2 Community License | restricted",
        ["llama_3_1_community_license"] = "Llama 3.1 Community License | restricted",
        ["llama_3_2_community_license"] = "Llama 3.2 Community License | restricted",
        ["llama_3_3_community_license_agreement"] = "Llama 3.3 Community License Agreement | restricted",
        ["llama_4_community_license_agreement"] = "Llama 4 Community License Agreement | restricted",
        ["mistral_research_license"] = "Mistral Research License | restricted",
        ["mistral_research_license_(mrl)_for_research;_mistral_commercial_license_for_commercial_use"] =
            "Mistral Research License | restricted",
        ["mit_+_model_license_(commercial_use_allowed)"] = "MIT + Model License | restricted",
        ["mnpl_0_1"] = "Mistral Non-Production License (MNPL-0.1) | restricted",
        ["modified_mit_license"] = "Modified MIT License | restricted",
        ["nvidia_open_model_license_agreement"] = "NVIDIA Open Model License Agreement | restricted",
        ["qwen"] = "Qwen License Agreement | restricted",
        ["tongyi_qianwen"] = "Tongyi Qianwen License Agreement | restricted",
    };

    public static IEnumerable<DatasetRow> Read(
        Dataset dataset,
        IReadOnlyList<(string RelativePath, string Text)> files,
        List<ImportProblem> problems
    )
    {
        var organisations = Records(dataset, files, "/organization.json", "organization_id", "name", problems);
        var licences = Records(dataset, files, "data/licenses/", "license_id", "name", problems);
        foreach (var (path, text) in files.Where(f => f.RelativePath.EndsWith("/model.json", StringComparison.Ordinal)))
            if (
                !dataset.Exclude.Contains(path)
                && ReadModel(dataset, path, text, organisations, licences, problems) is { } row
            )
                yield return row;
    }

    private static Dictionary<string, string> Records(
        Dataset dataset,
        IReadOnlyList<(string RelativePath, string Text)> files,
        string pathPart,
        string idField,
        string nameField,
        List<ImportProblem> problems
    )
    {
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files.Where(f => f.RelativePath.Contains(pathPart, StringComparison.Ordinal)))
            WithFields(
                dataset.FileKey(path),
                text,
                problems,
                fields =>
                {
                    var id = fields.Required(idField);
                    var name = fields.Required(nameField);
                    if (id is not null && name is not null)
                        records[id] = name;
                }
            );
        return records;
    }

    private static void WithFields(string file, string text, List<ImportProblem> problems, Action<JsonFields> read)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var fields = new JsonFields(document.RootElement, file, text, problems);
            if (!fields.IsObject)
                problems.Add(new ImportProblem(file, 1, "the file must hold one JSON object"));
            else
                read(fields);
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem(file, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}"));
        }
    }

    private static DatasetRow? ReadModel(
        Dataset dataset,
        string path,
        string text,
        Dictionary<string, string> organisations,
        Dictionary<string, string> licences,
        List<ImportProblem> problems
    )
    {
        DatasetRow? row = null;
        WithFields(
            dataset.FileKey(path),
            text,
            problems,
            f => row = ReadModel(dataset, path, f, organisations, licences)
        );
        return row;
    }

    private static DatasetRow? ReadModel(
        Dataset dataset,
        string path,
        JsonFields f,
        Dictionary<string, string> organisations,
        Dictionary<string, string> licences
    )
    {
        var id = f.Required("model_id");
        var name = f.Required("name");
        var organisation = f.Required("organization_id");
        var blog =
            f.Optional("source_scorecard_blog_link") ?? f.Optional("source_paper") ?? f.Optional("source_api_ref");
        var weights = f.Optional("source_weights_link");
        var claims = new List<RowClaim>();
        var dateField = f.Optional("announcement_date") is null ? "release_date" : "announcement_date";
        if (f.Optional(dateField) is { } date)
        {
            if (RowValues.TryDay(date, out var day))
                claims.Add(
                    new RowClaim(
                        ModelAttribute.AnnouncedDate,
                        day,
                        $"\"{dateField}\": \"{date}\"",
                        Note: RowValues.Per(blog)
                    )
                );
            else
                f.Problem(dateField, $"{dateField} '{date}' is not a day (YYYY-MM-DD)");
        }
        f.Optional("release_date");
        if (f.Integer("param_count") is { } count)
        {
            if (
                count >= 1_000_000
                && RowValues.ParsesAs(ModelAttribute.TotalParameters, RowValues.CountText(count), out var value)
            )
                claims.Add(
                    new RowClaim(
                        ModelAttribute.TotalParameters,
                        value,
                        $"\"param_count\": {count}",
                        Note: RowValues.Per(blog)
                    )
                );
            else
                f.Problem("param_count", $"param_count {count} is not a raw parameter count (e.g. 405000000000)");
        }
        if (f.Optional("license_id") is { } licence && licence != "unknown")
        {
            if (!licences.TryGetValue(licence, out var licenceName))
                f.Problem("license_id", $"license_id '{licence}' has no record in data/licenses/");
            else if (
                RowValues.ParsesAs(
                    ModelAttribute.License,
                    Licences.GetValueOrDefault(licence) ?? licenceName,
                    out var value
                )
            )
                claims.Add(new RowClaim(ModelAttribute.License, value, $"\"license_id\": \"{licence}\""));
        }
        if (weights is not null)
        {
            if (SourceRules.TryWebUrl(weights, out _))
                claims.Add(
                    new RowClaim(
                        ModelAttribute.WeightsLocation,
                        new TextValue(RowValues.Location(weights)),
                        "\"source_weights_link\""
                    )
                );
            else
                f.Problem("source_weights_link", $"source_weights_link '{weights}' is not an http(s) URL");
        }
        if (id is null || name is null || organisation is null)
            return null;
        if (!organisations.TryGetValue(organisation, out var developer))
            f.Problem("organization_id", $"organization_id '{organisation}' has no organization.json");
        else if (organisation != "unknown")
            claims.Add(
                new RowClaim(
                    ModelAttribute.Developer,
                    new TextValue(developer),
                    $"\"organization_id\": \"{organisation}\""
                )
            );
        return new DatasetRow(
            dataset,
            path,
            f.LineOf("model_id"),
            id,
            name,
            [id],
            [developer ?? organisation],
            RowValues.HfRepos(weights),
            null,
            ModelStatus.Released,
            claims
        );
    }
}
