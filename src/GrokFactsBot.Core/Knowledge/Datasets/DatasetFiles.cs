namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>One file of a dataset folder as the import sees it: key, path inside the folder, text, hash.</summary>
internal sealed record DatasetFile(string Key, string RelativePath, string Text, string Hash);

/// <summary>A dataset folder read from disk: its manifest and the data files its format uses.</summary>
internal sealed record DatasetFolder(Dataset Dataset, DatasetFile Manifest, IReadOnlyList<DatasetFile> Files)
{
    public IEnumerable<DatasetFile> AllFiles => Files.Prepend(Manifest);
}

/// <summary>
/// Finds and reads dataset folders. Only the files a format reads are hashed, so a README edit costs nothing.
/// </summary>
internal static class DatasetFiles
{
    /// <summary>Dataset file keys start with this, so they never meet a knowledge file's relative path.</summary>
    public const string Prefix = "dataset:";

    public const string DefaultFolder = "datasets";

    public static bool Owns(Domain.Origin origin) =>
        origin.IsFile && origin.Name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Every <c>datasets/&lt;name&gt;/</c> folder of the knowledge folder that holds a dataset.json.</summary>
    public static IReadOnlyList<string> Discover(string knowledgeDirectory)
    {
        var root = Path.Combine(knowledgeDirectory, DefaultFolder);
        return Directory.Exists(root)
            ? Directory
                .EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, Dataset.ManifestName)))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>A configured folder, relative to the knowledge folder unless absolute.</summary>
    public static string Resolve(string knowledgeDirectory, string folder) =>
        Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(knowledgeDirectory, folder));

    public static DatasetFolder? Load(string folder, List<ImportProblem> problems)
    {
        var key = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var manifestPath = Path.Combine(folder, Dataset.ManifestName);
        if (!Directory.Exists(folder) || !File.Exists(manifestPath))
        {
            problems.Add(
                new ImportProblem(
                    folder,
                    0,
                    $"no dataset here: the folder needs a {Dataset.ManifestName} (setting Knowledge:Datasets)"
                )
            );
            return null;
        }
        var manifestText = File.ReadAllText(manifestPath);
        if (Dataset.Read(key, folder, manifestText, problems) is not { } dataset)
            return null;
        var manifest = new DatasetFile(
            dataset.FileKey(Dataset.ManifestName),
            Dataset.ManifestName,
            manifestText,
            KnowledgeFileReader.Hash(manifestText)
        );
        var files = Patterns(dataset.Format)
            .SelectMany(pattern => Matching(folder, pattern))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var text = File.ReadAllText(Path.Combine(folder, path));
                return new DatasetFile(dataset.FileKey(path), path, text, KnowledgeFileReader.Hash(text));
            })
            .ToList();
        if (files.Count == 0)
            problems.Add(
                new ImportProblem(manifest.Key, 1, $"the folder has no data files for format {dataset.Format}")
            );
        return new DatasetFolder(dataset, manifest, files);
    }

    private static IEnumerable<(string Under, string Pattern)> Patterns(DatasetFormat format) =>
        format switch
        {
            DatasetFormat.EpochNotableModels => [("", "*.csv")],
            DatasetFormat.ModelsDev => [("models", "*.toml"), ("providers", "provider.toml")],
            _ => [("data/organizations", "*.json"), ("data/licenses", "*.json")],
        };

    private static IEnumerable<string> Matching(string folder, (string Under, string Pattern) pattern)
    {
        var under = Path.Combine(folder, pattern.Under);
        return Directory.Exists(under)
            ? Directory
                .EnumerateFiles(
                    under,
                    pattern.Pattern,
                    pattern.Under.Length == 0 ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories
                )
                .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            : [];
    }

    public static IReadOnlyList<DatasetRow> Rows(DatasetFolder folder, List<ImportProblem> problems)
    {
        var dataset = folder.Dataset;
        var texts = folder.Files.Select(f => (f.RelativePath, f.Text)).ToList();
        return dataset.Format switch
        {
            DatasetFormat.EpochNotableModels => texts
                .SelectMany(f => EpochReader.Read(dataset, f.RelativePath, f.Text, problems))
                .ToList(),
            DatasetFormat.ModelsDev => ModelsDevReader.Read(dataset, texts, problems).ToList(),
            _ => LlmStatsReader.Read(dataset, texts, problems).ToList(),
        };
    }
}
