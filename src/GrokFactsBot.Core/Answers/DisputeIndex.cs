using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// Which models have disputed facts. Finding them means weighing every model, so the list is kept in memory and
/// rebuilt only when the store has changed since.
/// </summary>
public sealed class DisputeIndex(KnowledgeStore store)
{
    private (long Version, IReadOnlyList<Model> Models) _cache = (-1, []);

    public IReadOnlyList<Model> Disputed(Audience audience)
    {
        var cache = _cache;
        if (cache.Version != store.Version)
        {
            var version = store.Version;
            var models = store.AllModels().Where(m => HasDispute(m)).OrderBy(m => m.Name).ToList();
            _cache = cache = (version, models);
        }
        return cache.Models.Where(m => audience.CanSee(m.Scope)).ToList();
    }

    private bool HasDispute(Model model)
    {
        var claims = store.ClaimsWithSources(model.Id);
        return ModelAttributes.All.Any(a => FactAnalysis.Of(a, claims).IsDisputed);
    }
}
