using System.Globalization;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;
using nietras.SeparatedValues;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// Epoch AI's Notable AI Models CSV: one row per model, cells that may hold commas, quotes and newlines (Sep reads
/// them as RFC 4180 says). Its "Publication date" is the first announcement or paper, so it is an announced date.
/// </summary>
internal static class EpochReader
{
    private static readonly string[] Columns =
    [
        "Model",
        "Organization",
        "Publication date",
        "Parameters",
        "Parameters notes",
        "Confidence",
        "Link",
        "Model accessibility",
    ];

    public static IEnumerable<DatasetRow> Read(
        Dataset dataset,
        string relativePath,
        string text,
        List<ImportProblem> problems
    )
    {
        var file = dataset.FileKey(relativePath);
        var rows = new List<DatasetRow>();
        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
            var missing = Columns.Where(c => !reader.Header.ColNames.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(
                    new ImportProblem(file, 1, $"the header lacks the column(s) {string.Join(", ", missing)}")
                );
                return rows;
            }
            var width = reader.Header.ColNames.Count;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.ColCount != width)
                {
                    problems.Add(
                        new ImportProblem(file, line, $"the row has {row.ColCount} cells; the header has {width}")
                    );
                    continue;
                }
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var column in Columns)
                    cells[column] = row[column].ToString().Trim();
                if (ReadRow(dataset, relativePath, line, cells, ids, problems) is { } parsed)
                    rows.Add(parsed);
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException)
        {
            problems.Add(new ImportProblem(file, 0, $"not readable as CSV: {e.Message}"));
        }
        return rows;
    }

    private static DatasetRow? ReadRow(
        Dataset dataset,
        string relativePath,
        int line,
        Dictionary<string, string> cells,
        HashSet<string> ids,
        List<ImportProblem> problems
    )
    {
        var file = dataset.FileKey(relativePath);
        var name = string.Join(
            ' ',
            cells["Model"].Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
        ).TrimEnd('*'); // a footnote mark ("RNNsearch-50*") is not part of the name
        if (name.Length == 0)
        {
            problems.Add(new ImportProblem(file, line, "the row has no Model name"));
            return null;
        }
        var link = RowValues.Urls(cells["Link"]) is [var first, ..] ? first : null;
        var claims = new List<RowClaim>();
        var date = cells["Publication date"];
        if (date.Length > 0)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, 0, out var day))
                claims.Add(
                    new RowClaim(
                        ModelAttribute.AnnouncedDate,
                        DateValue.Day(day),
                        $"Publication date: {date}",
                        Note: RowValues.Per(link)
                    )
                );
            else
                problems.Add(
                    new ImportProblem(file, line, $"'{name}': Publication date '{date}' is not a day (YYYY-MM-DD)")
                );
        }
        var parameters = cells["Parameters"];
        if (parameters.Length > 0)
        {
            if (
                double.TryParse(parameters, NumberStyles.Float, CultureInfo.InvariantCulture, out var count)
                && count >= 1
                && RowValues.ParsesAs(ModelAttribute.TotalParameters, RowValues.CountText(count), out var value)
            )
                claims.Add(Parameters(value, parameters, cells["Confidence"], cells["Parameters notes"], link));
            else
                problems.Add(new ImportProblem(file, line, $"'{name}': Parameters '{parameters}' is not a count"));
        }
        var rowId = RowValues.Slug(name) is { Length: > 0 } slug ? slug : $"row-{line}";
        if (!ids.Add(rowId))
            rowId = $"{rowId}-{line}";
        var organisations = cells["Organization"]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (organisations.Length > 0)
            claims.Add(
                new RowClaim(
                    ModelAttribute.Developer,
                    new TextValue(RowValues.List(organisations)),
                    $"Organization: {cells["Organization"]}"
                )
            );
        var accessibility = cells["Model accessibility"];
        if (accessibility.Length > 0)
            claims.Add(
                new RowClaim(
                    ModelAttribute.Status,
                    new TextValue(accessibility),
                    $"Model accessibility: {accessibility}"
                )
            );
        if (accessibility.StartsWith("Open weights", StringComparison.Ordinal))
            claims.Add(RowValues.BySnapshot(dataset, ModelAttribute.OpenWeightsDate, $"Model accessibility: {accessibility}"));
        else if (accessibility == "API access")
            claims.Add(RowValues.BySnapshot(dataset, ModelAttribute.ApiAvailabilityDate, "Model accessibility: API access"));
        return new DatasetRow(
            dataset,
            relativePath,
            line,
            rowId,
            name,
            [],
            organisations,
            RowValues.HfRepos(cells["Link"]),
            null,
            accessibility.Length == 0 || accessibility == "Unreleased" ? ModelStatus.Announced : ModelStatus.Released,
            claims
        );
    }

    /// <summary>
    /// Epoch's confidence grades the row's estimates; "Speculative" is its own estimate. Its notes say when a figure
    /// is a rumour or an executive's post on X.
    /// </summary>
    private static RowClaim Parameters(FactValue value, string raw, string confidence, string notes, string? link)
    {
        var lower = notes.ToLowerInvariant();
        Basis? basis =
            confidence == "Speculative" ? Basis.Estimate
            : lower.Contains("rumor") || lower.Contains("rumour") || lower.Contains("leak") ? Basis.Rumour
            : lower.Contains("x.com/") || lower.Contains("twitter.com/") ? Basis.Statement
            : null;
        var approximate =
            basis is Basis.Estimate || lower.Contains('~') || lower.Contains("approx") || lower.Contains("estimat");
        var grade = confidence.Length == 0 ? "no confidence given" : $"confidence {confidence}";
        var perUrl = RowValues.Urls(notes) is [var noted, ..] ? noted : link;
        return new RowClaim(
            ModelAttribute.TotalParameters,
            value,
            $"Parameters: {raw} ({grade})",
            approximate ? Qualifier.Approximate : Qualifier.Exact,
            basis,
            RowValues.Per(perUrl, $"Epoch AI, {grade}: {RowValues.Excerpt(notes) ?? "no note"}")
        );
    }
}
