using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// Writes changed files into the store inside the import's transaction. What is stored is read once up front, so a
/// file costs no queries of its own, and a row that reads the same as before is not written again: re-importing a
/// dataset of thousands of claims writes only what changed.
/// </summary>
internal sealed class ImportWriter
{
    private readonly KnowledgeStore _store;
    private readonly Dictionary<string, Claim> _claims;
    private readonly Dictionary<string, Model> _models;
    private readonly Dictionary<string, Source> _sources;
    private readonly ILookup<string, string> _chatAliases;
    private readonly Dictionary<Origin, List<string>> _claimsByOrigin;

    public ImportWriter(KnowledgeStore store)
    {
        _store = store;
        _claims = store.AllStoredClaims().ToDictionary(c => c.Id);
        _models = store.AllModels().ToDictionary(m => m.Id);
        _sources = store.AllSources().ToDictionary(s => s.Id);
        _chatAliases = store.AllChatAliases();
        _claimsByOrigin = _claims
            .Values.GroupBy(c => c.Origin)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
    }

    /// <summary>Writes a file's rows and deletes those it owned but no longer lists; returns the new claims.</summary>
    public List<Claim> Replace(ParsedFile file)
    {
        foreach (var (source, _) in file.Sources)
            if (!_sources.TryGetValue(source.Id, out var old) || !Same(Documents.From(old), Documents.From(source)))
            {
                _store.Upsert(source);
                _sources[source.Id] = source;
            }
        foreach (var (item, _) in file.Models)
        {
            var model = WithChatAliases(item);
            if (!_models.TryGetValue(model.Id, out var old) || !Same(Documents.From(old), Documents.From(model)))
            {
                _store.Upsert(model);
                _models[model.Id] = model;
            }
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
                _store.Upsert(claim);
                _claims[claim.Id] = claim;
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
        // A claim another file has since taken over is that file's now.
        foreach (var id in _claimsByOrigin.GetValueOrDefault(origin) ?? [])
            if (keepClaims?.Contains(id) != true && _claims.GetValueOrDefault(id)?.Origin == origin)
            {
                _store.DeleteClaim(id);
                _claims.Remove(id);
            }
        // A model or source that chat claims still lean on stays, so an import never strands an admin's fact.
        foreach (var model in _models.Values.Where(m => m.Origin == origin && !keepModels.Contains(m.Id)).ToList())
            if (_store.ClaimsFor(model.Id).Count == 0)
            {
                _store.DeleteModel(model.Id);
                _models.Remove(model.Id);
            }
        foreach (
            var source in _sources.Values.Where(s => s.Origin == origin && keepSources?.Contains(s.Id) != true).ToList()
        )
            if (!_store.AnyClaimCites(source.Id))
            {
                _store.DeleteSource(source.Id);
                _sources.Remove(source.Id);
            }
    }

    private static bool Same(LiteDB.BsonDocument a, LiteDB.BsonDocument b) =>
        LiteDB.JsonSerializer.Serialize(a) == LiteDB.JsonSerializer.Serialize(b);
}
