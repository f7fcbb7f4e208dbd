using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// Turns the joined rows into what the import writes: per data file, a source per row and its claims; and one
/// generated file of the models that no curated model stood for, with aliases no other model holds.
/// </summary>
internal static partial class DatasetLayer
{
    /// <summary>The owner of the models the join creates (their rows' files own the sources and claims).</summary>
    public const string ModelsKey = DatasetFiles.Prefix + "models";

    /// <summary>Bump when the readers or the join change what they make, so stored layers are rebuilt.</summary>
    public const string Version = "datasets-3";

    [GeneratedRegex(@"^[^\W\d_]+")]
    private static partial Regex LeadingWord();

    public static List<ParsedFile> Build(
        IReadOnlyList<DatasetFolder> folders,
        IReadOnlyList<(Model Model, IEnumerable<DateOnly> Dates)> existing,
        string fingerprint,
        DateTimeOffset now,
        List<ImportProblem> problems
    )
    {
        var join = new DatasetJoin();
        foreach (var (model, dates) in existing)
            join.AddExisting(model, dates);
        // Newer snapshots first: their names and developers lead when a model is new.
        foreach (
            var folder in folders
                .OrderByDescending(f => f.Dataset.Snapshot)
                .ThenBy(f => f.Dataset.Key, StringComparer.Ordinal)
        )
            foreach (var row in DatasetFiles.Rows(folder, problems))
                join.Add(row);

        var files = folders
            .SelectMany(f => f.AllFiles)
            .ToDictionary(f => f.Key, f => new ParsedFile(f.Key, f.Hash, [], [], []));
        var models = new ParsedFile(ModelsKey, fingerprint, [], [], []);
        var ids = existing.Select(e => e.Model.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in join.Groups.Where(g => g.Rows.Count > 0))
        {
            var model = group.Existing ?? NewModel(group, join, ids);
            if (group.Existing is null)
                models.Models.Add(new Located<Model>(model, group.Rows[0].Line));
            foreach (var row in group.Rows)
                AddRow(files[row.FileKey], row, model, group.Existing is null && row == group.Rows[0], now, problems);
        }
        return [.. files.Values, models];
    }

    private static void AddRow(
        ParsedFile file,
        DatasetRow row,
        Model model,
        bool primary,
        DateTimeOffset now,
        List<ImportProblem> problems
    )
    {
        var source = row.Dataset.SourceFor(row.SourceId, row.Name, row.Dataset.UrlFor(row.RelativePath), file.Origin);
        file.Sources.Add(new Located<Source>(source, row.Line));
        foreach (var claim in row.Claims)
        {
            // Free-text facts (who made it, how it is offered) are the dataset's words for the models it brought;
            // set beside a curated model's own wording they would only differ in words, not in fact.
            if (claim.Attribute is ModelAttribute.Status or ModelAttribute.Developer && model.Origin.Name != ModelsKey)
                continue;
            if (claim.Attribute is ModelAttribute.Developer && !primary)
                continue;
            // What the readers make must read back as the store reads it; a value that would not is the row's fault.
            if (!ValueParser.TryParse(claim.Attribute, claim.Value.Text, out _, out var problem))
            {
                problems.Add(new ImportProblem(row.FileKey, row.Line, $"'{row.Name}': {problem}"));
                continue;
            }
            file.Claims.Add(
                new Located<Claim>(
                    new Claim(
                        ClaimIds.ForFile(model.Id, claim.Attribute, source.Id, claim.Value.Text),
                        model.Id,
                        claim.Attribute,
                        claim.Value,
                        claim.Qualifier,
                        source.Id,
                        claim.Quote,
                        Rank.Normal,
                        null,
                        claim.Note,
                        row.FileKey,
                        now,
                        file.Origin,
                        Basis: claim.Basis
                    ),
                    row.Line
                )
            );
        }
    }

    private static Model NewModel(JoinGroup group, DatasetJoin join, HashSet<string> ids)
    {
        var first = group.Rows[0];
        var name = UniqueName(first.Name, group, join);
        var id = UniqueId(RowValues.Slug(name) is { Length: > 0 } slug ? slug : RowValues.Slug(first.SourceId), ids);
        var ownKeys = new HashSet<string>([Names.Key(name), Names.Key(id)]);
        var aliases = group
            .Rows.SelectMany(r => r.AllNames.Concat(r.HfRepos))
            .Where(a => join.KeyOwners.GetValueOrDefault(Names.Key(a)) == group && ownKeys.Add(Names.Key(a)))
            .ToList();
        var family =
            group.Rows.Select(r => r.Family).FirstOrDefault(f => f is not null) ?? LeadingWord().Match(name).Value;
        return new Model(
            id,
            name,
            first.Developer ?? "unknown",
            Names.Key(family),
            group.Rows.Any(r => r.Status == ModelStatus.Released) ? ModelStatus.Released : ModelStatus.Announced,
            group.Rows.Max(r => r.Dataset.Snapshot),
            aliases,
            null,
            Origin.File(ModelsKey)
        );
    }

    /// <summary>The row's own name, unless an earlier model answers to it; then its month or its maker.</summary>
    private static string UniqueName(string name, JoinGroup group, DatasetJoin join)
    {
        bool Free(string candidate) =>
            !join.KeyOwners.TryGetValue(Names.Key(candidate), out var owner) || owner == group;
        if (Free(name))
            return name;
        var candidates = new List<string>();
        if (group.Tag is { } tag)
            candidates.Add($"{name} ({NameForm.TagText(tag)})");
        candidates.Add($"{name} ({group.Rows[0].Developer ?? group.Rows[0].Dataset.Publisher})");
        candidates.Add($"{name} ({group.Rows[0].Dataset.Publisher} {group.Rows[0].RowId})");
        var chosen = candidates.FirstOrDefault(Free) ?? candidates[^1];
        join.KeyOwners.TryAdd(Names.Key(chosen), group);
        return chosen;
    }

    private static string UniqueId(string slug, HashSet<string> ids)
    {
        var id = slug;
        for (var n = 2; !ids.Add(id); n++)
            id = $"{slug}-{n}";
        return id;
    }
}
