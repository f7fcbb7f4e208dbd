using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Knowledge.Datasets;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;
using LiteDB;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// Imports the knowledge folder into the store. Unchanged files are skipped by hash; a changed file replaces what
/// it owns; rows added from chat are never touched. Any problem anywhere means nothing is written. New claims
/// raise release updates in the same transaction, except on the first import, which seeds the base rather than news.
/// </summary>
public sealed class KnowledgeImporter(KnowledgeStore store, TimeProvider clock, IUpdateRaiser? updates = null)
{
    private readonly ILiteCollection<BsonDocument> _fileStates = store.Database.GetCollection("knowledge_files");

    /// <summary>
    /// Imports the knowledge folder and the dataset folders (<paramref name="datasets"/>, relative to the knowledge
    /// folder; null means every <c>datasets/&lt;name&gt;/</c> in it that holds a dataset.json).
    /// </summary>
    public ImportResult Import(string directory, bool checkOnly = false, IReadOnlyList<string>? datasets = null) =>
        Import(KnowledgeFolder.Read(directory, datasets), checkOnly);

    /// <summary>Imports a knowledge folder already read (start-up reads it while the database is being read).</summary>
    public ImportResult Import(KnowledgeFolder folder, bool checkOnly = false)
    {
        if (folder.Problems.Count > 0)
            return Failed([.. folder.Problems]);
        var (texts, folders) = (folder.Texts, folder.Datasets);
        var problems = new List<ImportProblem>();
        var dataFiles = folders.SelectMany(f => f.AllFiles).ToList();
        var known = _fileStates.FindAll().ToDictionary(d => d["_id"].AsString, d => d["hash"].AsString);
        bool Changed(string path, string hash) => !known.TryGetValue(path, out var old) || old != hash;
        var changed = texts.Where(f => Changed(f.Path, f.Hash)).Select(f => f.Path).ToHashSet();
        var dataChanged = dataFiles.Any(f => Changed(f.Key, f.Hash));
        var present = texts.Select(f => f.Path).Concat(dataFiles.Select(f => f.Key)).ToHashSet();
        if (folders.Count > 0)
            present.Add(DatasetLayer.ModelsKey);
        // The generated models go last, once the claims that point at them are gone.
        var removed = known
            .Keys.Except(present)
            .OrderBy(k => k == DatasetLayer.ModelsKey)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        if (
            changed.Count == 0
            && !dataChanged
            && removed.Count == 0
            && known.ContainsKey(DatasetLayer.ModelsKey) == folders.Count > 0
            && !checkOnly
        )
            return Counted([], folder.FileCount, []);

        var now = clock.GetUtcNow();
        var files = texts.Select(f => KnowledgeFileReader.Read(f.Path, f.Text, f.Hash, now, problems)).ToList();
        var targets = folders.Count > 0 ? JoinTargets(files) : [];
        var fingerprint = JoinFingerprint(targets);
        var layerChanged = folders.Count > 0 && (dataChanged || Changed(DatasetLayer.ModelsKey, fingerprint));
        var layer =
            folders.Count > 0 && (layerChanged || checkOnly)
                ? DatasetLayer.Build(folders, targets, fingerprint, now, problems)
                : [];
        if (layerChanged)
            changed.UnionWith(layer.Select(f => f.RelativePath));
        // Dataset rows go first, so a curated claim whose id collides with one takes the next id, never theirs.
        var all = layer.Concat(files).ToList();
        ClaimIdAllocator.Assign(all, store.ClaimOrigins());
        KnowledgeValidator.Validate(all, store, problems);
        if (problems.Count > 0)
            return Failed([.. problems]);
        if (checkOnly)
            return Counted([], folder.FileCount, [.. changed]);

        var newClaims = store.InTransaction(() =>
        {
            var writer = new ImportWriter(store);
            var added = new List<Claim>();
            foreach (var file in all.Where(f => changed.Contains(f.RelativePath)))
            {
                added.AddRange(writer.Replace(file));
                _fileStates.Upsert(
                    new BsonDocument
                    {
                        ["_id"] = file.RelativePath,
                        ["hash"] = file.Hash,
                        ["importedAt"] = now.UtcDateTime,
                    }
                );
            }
            foreach (var path in removed)
            {
                writer.RemoveOwned(Origin.File(path), keepModels: []);
                _fileStates.Delete(path);
            }
            writer.Flush();
            // A dataset snapshot is bulk reference data, not news: only curated claims raise release updates.
            if (known.Count > 0)
                updates?.Imported(added.Where(c => !DatasetFiles.Owns(c.Origin)).ToList());
            return added;
        });
        return Counted(newClaims, folder.FileCount, [.. changed.Concat(removed).Order()]);
    }

    /// <summary>The curated models (and those admins added from chat) that dataset rows may attach to.</summary>
    private List<(Model Model, IEnumerable<DateOnly> Dates)> JoinTargets(IReadOnlyList<ParsedFile> files)
    {
        var claims = files.SelectMany(f => f.Claims).Select(c => c.Item).ToLookup(c => c.ModelId);
        var curated = files.SelectMany(f => f.Models).Select(m => (m.Item, Dates(claims[m.Item.Id])));
        var chat = store.ModelsOwnedBy(Origin.Chat).Select(m => (m, Dates(store.ClaimsFor(m.Id))));
        return [.. curated, .. chat];
    }

    private static IEnumerable<DateOnly> Dates(IEnumerable<Claim> claims) =>
        claims
            .Select(c => c.Value)
            .OfType<Values.DateValue>()
            .Where(d => d.Precision is Values.DatePrecision.Day or Values.DatePrecision.Month)
            .Select(d => d.Start);

    /// <summary>
    /// What the join depends on besides the dataset files: the names, makers and dates of the models rows may
    /// attach to, and the join's own version. The same fingerprint means the same join, so it need not run again.
    /// </summary>
    private static string JoinFingerprint(List<(Model Model, IEnumerable<DateOnly> Dates)> targets)
    {
        var lines = targets
            .Select(t =>
                string.Join(
                    '|',
                    [
                        t.Model.Id,
                        t.Model.Name,
                        t.Model.Developer,
                        .. t.Model.Aliases,
                        .. t.Dates.Order().Select(d => d.ToString("O")),
                    ]
                )
            )
            .Order(StringComparer.Ordinal);
        return KnowledgeFileReader.Hash(string.Join('\n', lines.Prepend(DatasetLayer.Version)));
    }

    /// <summary>
    /// Counted from the snapshot answers read, built here if it is not yet: LiteDB counts by reading every document,
    /// so counting there would read the whole base a second time at every start.
    /// </summary>
    private ImportResult Counted(IReadOnlyList<Claim> newClaims, int filesRead, IReadOnlyList<string> changed)
    {
        var snapshot = store.Snapshot;
        return new([], filesRead, changed, snapshot.ModelCount, snapshot.Sources.Count, snapshot.ClaimCount, newClaims);
    }

    private static ImportResult Failed(params ImportProblem[] problems) => new(problems, 0, [], 0, 0, 0, []);
}
