using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// Writes changed files into the store inside the import's transaction. What is stored is read once up front and
/// kept current here, so a file costs no queries of its own; a row that reads the same as before is not written
/// again, and the rest go to LiteDB in one call per collection (<see cref="Flush"/>): re-importing a dataset of
/// thousands of claims writes only what changed.
/// </summary>
internal sealed class ImportWriter
{
    private readonly KnowledgeStore _store;
    private readonly Dictionary<string, Claim> _claims;
    private readonly Dictionary<string, Model> _models;
    private readonly Dictionary<string, Source> _sources;
    private readonly ILookup<string, string> _chatAliases;
    private readonly Dictionary<Origin, List<string>> _claimsByOrigin;
    private readonly Dictionary<Origin, List<string>> _modelsByOrigin;
    private readonly Dictionary<Origin, List<string>> _sourcesByOrigin;
    private readonly Dictionary<string, Model> _modelWrites = [];
    private readonly Dictionary<string, Source> _sourceWrites = [];
    private readonly Dictionary<string, Claim> _claimWrites = [];
    private readonly HashSet<string> _movedFrom = [];

    public ImportWriter(KnowledgeStore store)
    {
        _store = store;
        _claims = store.AllStoredClaims().ToDictionary(c => c.Id);
        _models = store.AllStoredModels().ToDictionary(m => m.Id);
        _sources = store.AllSources().ToDictionary(s => s.Id);
        _chatAliases = store.AllChatAliases();
        _claimsByOrigin = ByOrigin(_claims.Values, c => c.Origin, c => c.Id);
        _modelsByOrigin = ByOrigin(_models.Values, m => m.Origin, m => m.Id);
        _sourcesByOrigin = ByOrigin(_sources.Values, s => s.Origin, s => s.Id);
    }

    private static Dictionary<Origin, List<string>> ByOrigin<T>(
        IEnumerable<T> rows,
        Func<T, Origin> origin,
        Func<T, string> id
    ) => rows.GroupBy(origin).ToDictionary(g => g.Key, g => g.Select(id).ToList());

    /// <summary>Writes a file's rows and deletes those it owned but no longer lists; returns the new claims.</summary>
    public List<Claim> Replace(ParsedFile file)
    {
        foreach (var (source, _) in file.Sources)
            if (!_sources.TryGetValue(source.Id, out var old) || !Same(Documents.From(old), Documents.From(source)))
                _sources[source.Id] = _sourceWrites[source.Id] = source;
        foreach (var (item, _) in file.Models)
        {
            var model = WithChatAliases(item);
            if (!_models.TryGetValue(model.Id, out var old) || !Same(Documents.From(old), Documents.From(model)))
                _models[model.Id] = _modelWrites[model.Id] = model;
        }
        var added = new List<Claim>();
        foreach (var (item, _) in file.Claims)
        {
            var existing = _claims.GetValueOrDefault(item.Id);
            if (existing is null)
                added.Add(item);
            var claim = existing is null ? item : item with { AddedAt = existing.AddedAt };
            if (existing is null || !Same(Documents.From(existing), Documents.From(claim)))
            {
                if (existing is not null && existing.ModelId != claim.ModelId)
                    _movedFrom.Add(existing.ModelId);
                _claims[claim.Id] = _claimWrites[claim.Id] = claim;
            }
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
        var extra = _chatAliases[model.Id]
            .Where(a => !model.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return extra.Count == 0 ? model : model with { Aliases = [.. model.Aliases, .. extra] };
    }

    public void RemoveOwned(
        Origin origin,
        HashSet<string> keepModels,
        HashSet<string>? keepSources = null,
        HashSet<string>? keepClaims = null
    )
    {
        // A row another file has since taken over is that file's now.
        foreach (var id in _claimsByOrigin.GetValueOrDefault(origin) ?? [])
            if (keepClaims?.Contains(id) != true && _claims.GetValueOrDefault(id)?.Origin == origin)
            {
                _claimWrites.Remove(id);
                _claims.Remove(id);
                _store.DeleteClaim(id);
            }
        // A model or source that other claims (an admin's from chat) still lean on stays, so an import never
        // strands an admin's fact.
        var stale = (_modelsByOrigin.GetValueOrDefault(origin) ?? [])
            .Where(id => !keepModels.Contains(id) && _models.GetValueOrDefault(id)?.Origin == origin)
            .ToHashSet();
        var staleSources = (_sourcesByOrigin.GetValueOrDefault(origin) ?? [])
            .Where(id => keepSources?.Contains(id) != true && _sources.GetValueOrDefault(id)?.Origin == origin)
            .ToHashSet();
        if (stale.Count == 0 && staleSources.Count == 0)
            return;
        foreach (var claim in _claims.Values)
        {
            stale.Remove(claim.ModelId);
            staleSources.Remove(claim.SourceId);
        }
        foreach (var id in stale)
        {
            _modelWrites.Remove(id);
            _models.Remove(id);
            _store.DeleteModel(id);
        }
        foreach (var id in staleSources)
        {
            _sourceWrites.Remove(id);
            _sources.Remove(id);
            _store.DeleteSource(id);
        }
    }

    /// <summary>Sends what <see cref="Replace"/> gathered to LiteDB; call once, at the end of the transaction.</summary>
    public void Flush() =>
        _store.UpsertMany(_modelWrites.Values, _sourceWrites.Values, _claimWrites.Values, _movedFrom);

    private static bool Same(LiteDB.BsonDocument a, LiteDB.BsonDocument b) =>
        LiteDB.JsonSerializer.Serialize(a) == LiteDB.JsonSerializer.Serialize(b);
}
