using System.Globalization;
using System.Text.Json;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Knowledge.Datasets;

public enum DatasetFormat
{
    EpochNotableModels,
    ModelsDev,
    LlmStats,
}

/// <summary>
/// One dataset folder's manifest (<c>dataset.json</c>): what the data is, where it came from, and the credit its
/// licence asks for. Every row of the dataset becomes a source built from these.
/// </summary>
internal sealed record Dataset(
    string Key,
    string Folder,
    DatasetFormat Format,
    string Title,
    string Publisher,
    string Page,
    string Licence,
    string? Attribution,
    DateOnly Snapshot,
    string? RowUrl,
    IReadOnlySet<string> Exclude
)
{
    public const string ManifestName = "dataset.json";

    /// <summary>The import's name for a file of this dataset: "dataset:epoch-ai/notable_ai_models.csv".</summary>
    public string FileKey(string relativePath) => $"{DatasetFiles.Prefix}{Key}/{relativePath}";

    /// <summary>The dataset's own page for one row: a permalink where the dataset is a file per row.</summary>
    public string UrlFor(string relativePath) =>
        RowUrl is null ? Page : RowUrl.Replace("{path}", relativePath, StringComparison.Ordinal);

    public Source SourceFor(string id, string rowName, string url, Origin origin) =>
        new(
            id,
            url,
            $"{Title}: {rowName} (snapshot {RowValues.Day(Snapshot)})",
            Publisher,
            DateValue.Day(Snapshot),
            Snapshot,
            SourceKind.Dataset,
            origin,
            Basis.Compiled,
            Attribution
        );

    private static readonly Dictionary<string, DatasetFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["epoch-notable-models"] = DatasetFormat.EpochNotableModels,
        ["models-dev"] = DatasetFormat.ModelsDev,
        ["llm-stats"] = DatasetFormat.LlmStats,
    };

    /// <summary>Reads a manifest; every problem is reported against its line.</summary>
    public static Dataset? Read(string key, string folder, string text, List<ImportProblem> problems)
    {
        var file = $"{DatasetFiles.Prefix}{key}/{ManifestName}";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem(file, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}"));
            return null;
        }
        using (document)
        {
            var fields = new JsonFields(document.RootElement, file, text, problems);
            var formatText = fields.Required("format");
            DatasetFormat format = default;
            if (formatText is not null && !Formats.TryGetValue(formatText, out format))
                fields.Problem("format", $"format '{formatText}' is not one of {string.Join(", ", Formats.Keys)}");
            var title = fields.Required("title");
            var publisher = fields.Required("publisher");
            var page = fields.Required("page");
            if (page is not null && !SourceRules.TryWebUrl(page, out _))
                fields.Problem("page", $"page '{page}' must be an absolute http(s) URL");
            var licence = fields.Required("license");
            var attribution = fields.Optional("attribution");
            var snapshotText = fields.Required("snapshot");
            DateOnly snapshot = default;
            if (
                snapshotText is not null
                && !DateOnly.TryParseExact(snapshotText, "yyyy-MM-dd", CultureInfo.InvariantCulture, 0, out snapshot)
            )
                fields.Problem("snapshot", $"snapshot '{snapshotText}' must be a day such as 2026-07-06");
            var rowUrl = fields.Optional("rowUrl");
            if (rowUrl is not null && !rowUrl.Contains("{path}", StringComparison.Ordinal))
                fields.Problem("rowUrl", "rowUrl must contain {path}, the row's file inside the folder");
            fields.Optional("commit");
            fields.Optional("origin");
            var exclude = fields.Strings("exclude");
            fields.RejectUnknown();
            if (problems.Any(p => p.File == file))
                return null;
            return new Dataset(
                key,
                folder,
                format,
                title!,
                publisher!,
                page!,
                licence!,
                attribution,
                snapshot,
                rowUrl,
                exclude.ToHashSet(StringComparer.Ordinal)
            );
        }
    }
}
