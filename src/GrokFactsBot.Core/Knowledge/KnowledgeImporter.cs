using GrokFactsBot.Core.Domain;
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

    public ImportResult Import(string directory, bool checkOnly = false)
    {
        var problems = new List<ImportProblem>();
        if (!Directory.Exists(directory))
            return Failed(
                new ImportProblem(directory, 0, "the knowledge folder does not exist (setting Knowledge:Directory)")
            );

        var texts = Directory
            .EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Select(path =>
                (Path: Path.GetRelativePath(directory, path).Replace('\\', '/'), Text: File.ReadAllText(path))
            )
            .Select(f => (f.Path, f.Text, Hash: KnowledgeFileReader.Hash(f.Text)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var known = _fileStates.FindAll().ToDictionary(d => d["_id"].AsString, d => d["hash"].AsString);
        var changed = texts
            .Where(f => !known.TryGetValue(f.Path, out var hash) || hash != f.Hash)
            .Select(f => f.Path)
            .ToHashSet();
        var removed = known.Keys.Except(texts.Select(f => f.Path)).ToList();
        if (changed.Count == 0 && removed.Count == 0 && !checkOnly)
            return Counted([], texts.Count, []);

        var now = clock.GetUtcNow();
        var files = texts.Select(f => KnowledgeFileReader.Read(f.Path, f.Text, f.Hash, now, problems)).ToList();
        ClaimIdAllocator.Assign(files, store);
        KnowledgeValidator.Validate(files, store, problems);
        if (problems.Count > 0)
            return Failed([.. problems]);
        if (checkOnly)
            return Counted([], texts.Count, [.. changed]);

        var newClaims = store.InTransaction(() =>
        {
            var added = new List<Claim>();
            foreach (var file in files.Where(f => changed.Contains(f.RelativePath)))
            {
                added.AddRange(Replace(file));
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
                RemoveOwned(Origin.File(path), keepModels: []);
                _fileStates.Delete(path);
            }
            if (known.Count > 0)
                updates?.Imported(added);
            return added;
        });
        return Counted(newClaims, texts.Count, [.. changed.Concat(removed).Order()]);
    }

    /// <summary>
    /// Writes a file's rows and deletes the rows it owned but no longer lists; returns claims that are new.
    /// </summary>
    private List<Claim> Replace(ParsedFile file)
    {
        var added = new List<Claim>();
        foreach (var source in file.Sources)
            store.Upsert(source.Item);
        foreach (var model in file.Models)
            store.Upsert(WithChatAliases(model.Item));
        foreach (var (claim, _) in file.Claims)
        {
            var existing = store.FindClaim(claim.Id);
            if (existing is null)
                added.Add(claim);
            store.Upsert(existing is null ? claim : claim with { AddedAt = existing.AddedAt });
        }
        RemoveOwned(
            file.Origin,
            keepModels: file.Models.Select(m => m.Item.Id).ToHashSet(),
            keepSources: file.Sources.Select(s => s.Item.Id).ToHashSet(),
            keepClaims: file.Claims.Select(c => c.Item.Id).ToHashSet()
        );
        return added;
    }

    private Model WithChatAliases(Model model)
    {
        var extra = store
            .ChatAliasesFor(model.Id)
            .Where(a => !model.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return extra.Count == 0 ? model : model with { Aliases = [.. model.Aliases, .. extra] };
    }

    private void RemoveOwned(
        Origin origin,
        HashSet<string> keepModels,
        HashSet<string>? keepSources = null,
        HashSet<string>? keepClaims = null
    )
    {
        foreach (var claim in store.ClaimsOwnedBy(origin).Where(c => keepClaims?.Contains(c.Id) != true))
            store.DeleteClaim(claim.Id);
        // A model or source that chat claims still lean on stays, so an import never strands an admin's fact.
        foreach (
            var model in store
                .ModelsOwnedBy(origin)
                .Where(m => !keepModels.Contains(m.Id) && store.ClaimsFor(m.Id).Count == 0)
        )
            store.DeleteModel(model.Id);
        foreach (
            var source in store
                .SourcesOwnedBy(origin)
                .Where(s => keepSources?.Contains(s.Id) != true && !store.AnyClaimCites(s.Id))
        )
            store.DeleteSource(source.Id);
    }

    private ImportResult Counted(IReadOnlyList<Claim> newClaims, int filesRead, IReadOnlyList<string> changed) =>
        new(
            [],
            filesRead,
            changed,
            store.ModelCount,
            store.Database.GetCollection("sources").Count(),
            store.Database.GetCollection("claims").Count(),
            newClaims
        );

    private static ImportResult Failed(params ImportProblem[] problems) => new(problems, 0, [], 0, 0, 0, []);
}
