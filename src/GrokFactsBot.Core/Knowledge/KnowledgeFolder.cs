using GrokFactsBot.Core.Knowledge.Datasets;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// The knowledge folder as read from disk, each file with its hash: the YAML files and the dataset snapshots. Reading
/// needs no database, so start-up does it while the database is read.
/// </summary>
public sealed class KnowledgeFolder
{
    private KnowledgeFolder(
        IReadOnlyList<(string Path, string Text, string Hash)> texts,
        IReadOnlyList<DatasetFolder> datasets,
        IReadOnlyList<ImportProblem> problems
    )
    {
        Texts = texts;
        Datasets = datasets;
        Problems = problems;
    }

    internal IReadOnlyList<(string Path, string Text, string Hash)> Texts { get; }

    internal IReadOnlyList<DatasetFolder> Datasets { get; }

    /// <summary>The files read: YAML files, and each dataset's manifest and data files.</summary>
    public int FileCount => Texts.Count + Datasets.Sum(d => d.AllFiles.Count());

    /// <summary>What stopped the folder from being read (then nothing is imported).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>
    /// Reads <paramref name="directory"/> and its dataset folders (<paramref name="datasets"/>, relative to it; null
    /// means every <c>datasets/&lt;name&gt;/</c> in it that holds a dataset.json).
    /// </summary>
    public static KnowledgeFolder Read(string directory, IReadOnlyList<string>? datasets)
    {
        if (!Directory.Exists(directory))
            return Failed(
                new ImportProblem(directory, 0, "the knowledge folder does not exist (setting Knowledge:Directory)")
            );
        // The dataset snapshots (megabytes) are read and hashed on a second thread while the YAML files are read here.
        var datasetFolders = (datasets ?? DatasetFiles.Discover(directory))
            .Select(f => DatasetFiles.Resolve(directory, f))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var loading = Task.Run(() => LoadDatasets(datasetFolders));
        var texts = Directory
            .EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Where(path => !datasetFolders.Any(folder => IsUnder(path, folder)))
            .Select(path =>
                (Path: Path.GetRelativePath(directory, path).Replace('\\', '/'), Text: File.ReadAllText(path))
            )
            .Select(f => (f.Path, f.Text, Hash: KnowledgeFileReader.Hash(f.Text)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var (folders, problems) = loading.GetAwaiter().GetResult();
        return problems.Count > 0 ? Failed([.. problems]) : new KnowledgeFolder(texts, folders, []);
    }

    private static KnowledgeFolder Failed(params ImportProblem[] problems) => new([], [], problems);

    private static (List<DatasetFolder> Folders, List<ImportProblem> Problems) LoadDatasets(List<string> paths)
    {
        var problems = new List<ImportProblem>();
        var folders = paths.Select(f => DatasetFiles.Load(f, problems)).OfType<DatasetFolder>().ToList();
        foreach (var twin in folders.GroupBy(f => f.Dataset.Key).Where(g => g.Count() > 1))
            problems.Add(
                new ImportProblem(
                    twin.Last().Dataset.Folder,
                    0,
                    $"two dataset folders are named '{twin.Key}' (setting Knowledge:Datasets); rename one"
                )
            );
        return (folders, problems);
    }

    private static bool IsUnder(string path, string folder) =>
        Path.GetFullPath(path)
            .StartsWith(
                Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar,
                StringComparison.Ordinal
            );
}
