using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// models.dev: one TOML file per model under <c>models/&lt;lab&gt;/</c>, and each lab's display name in
/// <c>providers/&lt;lab&gt;/provider.toml</c>. Its <c>release_date</c> is the launch of the API the catalogue lists,
/// so it is an API date. Moving API pointers ("-latest", "(latest)") name no one model and are left out.
/// </summary>
internal static class ModelsDevReader
{
    public static IEnumerable<DatasetRow> Read(
        Dataset dataset,
        IReadOnlyList<(string RelativePath, string Text)> files,
        List<ImportProblem> problems
    )
    {
        var labs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (
            var (path, text) in files.Where(f => f.RelativePath.EndsWith("/provider.toml", StringComparison.Ordinal))
        )
            if (
                TomlFields.Parse(dataset.FileKey(path), text, problems) is { } provider
                && provider.Root.String("name") is { } name
            )
                labs[path.Split('/')[1]] = name.Trim();
        foreach (var (path, text) in files.Where(f => f.RelativePath.StartsWith("models/", StringComparison.Ordinal)))
        {
            if (dataset.Exclude.Contains(path) || IsPointer(path))
                continue;
            if (TomlFields.Parse(dataset.FileKey(path), text, problems) is { } toml)
                if (ReadModel(dataset, path, toml, labs, problems) is { } row)
                    yield return row;
        }
    }

    private static bool IsPointer(string path) =>
        Path.GetFileNameWithoutExtension(path).EndsWith("-latest", StringComparison.Ordinal);

    private static DatasetRow? ReadModel(
        Dataset dataset,
        string path,
        TomlFields toml,
        Dictionary<string, string> labs,
        List<ImportProblem> problems
    )
    {
        var file = dataset.FileKey(path);
        var root = toml.Root;
        var name = root.String("name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new ImportProblem(file, root.LineOf("name"), "the model has no name (name = \"…\")"));
            return null;
        }
        if (name.EndsWith("(latest)", StringComparison.OrdinalIgnoreCase))
            return null;
        var parts = path.Split('/');
        var lab = parts.Length > 2 ? parts[1] : "";
        var id = Path.GetFileNameWithoutExtension(path);
        var links = toml.TableArrays.GetValueOrDefault("links") ?? [];
        var announcement = links
            .Where(l => l.String("type") is "announcement" or "blog" or "model_card" or "paper")
            .Select(l => l.String("url"))
            .FirstOrDefault(u => u is not null);
        var claims = new List<RowClaim>();
        var released = root.String("release_date");
        if (released is not null)
        {
            if (RowValues.TryDay(released, out var date))
                claims.Add(
                    new RowClaim(
                        ModelAttribute.ApiAvailabilityDate,
                        date,
                        $"release_date = \"{released}\"",
                        Note: RowValues.Per(announcement)
                    )
                );
            else
                problems.Add(
                    new ImportProblem(
                        file,
                        root.LineOf("release_date"),
                        $"release_date '{released}' is not a day or month"
                    )
                );
        }
        else if (root.Values.ContainsKey("release_date"))
            problems.Add(
                new ImportProblem(
                    file,
                    root.LineOf("release_date"),
                    "release_date must be a string such as \"2025-01-20\""
                )
            );
        // Image and speech models write context = 0: they take no text context, so there is nothing to state.
        if (
            toml.Tables.GetValueOrDefault("limit") is { } limit
            && limit.Values.TryGetValue("context", out var context)
            && context.Value is not 0L
        )
        {
            if (
                context.Value is long tokens and > 0
                && RowValues.ParsesAs(ModelAttribute.ContextLength, TomlFields.Describe(tokens), out var window)
            )
                claims.Add(
                    new RowClaim(
                        ModelAttribute.ContextLength,
                        window,
                        $"[limit] context = {tokens}",
                        Note: "the context window its API serves"
                    )
                );
            else
                problems.Add(
                    new ImportProblem(
                        file,
                        context.Line,
                        $"[limit] context must be a whole number of tokens, not {TomlFields.Describe(context.Value)}"
                    )
                );
        }
        var weights = (toml.TableArrays.GetValueOrDefault("weights") ?? [])
            .Select(w => (Url: w.String("url"), w.Line))
            .ToList();
        foreach (var (url, line) in weights)
        {
            if (url is null || !SourceRules.TryWebUrl(url, out _))
            {
                problems.Add(new ImportProblem(file, line, $"[[weights]] needs a url = \"https://…\""));
                continue;
            }
            claims.Add(
                new RowClaim(
                    ModelAttribute.WeightsLocation,
                    new TextValue(RowValues.Location(url)),
                    $"[[weights]] url = \"{url}\""
                )
            );
        }
        if (
            root.String("license") is { } license
            && RowValues.ParsesAs(ModelAttribute.License, license, out var licenseValue)
        )
            claims.Add(new RowClaim(ModelAttribute.License, licenseValue, $"license = \"{license}\""));
        if (root.Values.TryGetValue("open_weights", out var open) && open.Value is true)
            claims.Add(RowValues.BySnapshot(dataset, ModelAttribute.OpenWeightsDate, "open_weights = true"));
        var developer = labs.GetValueOrDefault(lab) ?? lab;
        claims.Add(new RowClaim(ModelAttribute.Developer, new TextValue(developer), $"models/{lab}/"));
        return new DatasetRow(
            dataset,
            path,
            root.LineOf("name"),
            $"{lab}/{id}",
            name,
            [id],
            [developer],
            weights.SelectMany(w => RowValues.HfRepos(w.Url)).ToList(),
            root.String("family"),
            ModelStatus.Released,
            claims
        );
    }
}
