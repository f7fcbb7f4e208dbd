using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Watch.HuggingFace;

/// <summary>
/// Which model of the shared base a repo belongs to, by exact evidence only: its weights are already recorded at
/// that repo, or the repo's id or name is one of the model's names, and the model is the same lab's. Nothing fuzzy:
/// "Llama-3.1-70B" never lands on Llama 3.1 405B; a repo that matches nothing becomes a model of its own.
/// </summary>
public static class ModelMatcher
{
    public static Model? Find(KnowledgeStore store, string repoId, string developer)
    {
        var location = WeightsLocation(repoId);
        var labModels = store
            .AllModels()
            .Where(m => m.Scope is null && Names.Key(m.Developer) == Names.Key(developer))
            .ToList();
        var byWeights = labModels
            .Where(m =>
                store
                    .ClaimsFor(m.Id)
                    .Any(c =>
                        c.Attribute == ModelAttribute.WeightsLocation
                        && c.Rank != Rank.Deprecated
                        && string.Equals(Bare(c.Value.Text), location, StringComparison.OrdinalIgnoreCase)
                    )
            )
            .ToList();
        if (byWeights.Count == 1)
            return byWeights[0];
        var name = repoId.Split('/').Last();
        var byName = new[] { repoId, name }
            .Select(Names.Key)
            .Where(k => k.Length > 0)
            .SelectMany(store.FindModelsByKey)
            .Where(m => labModels.Any(l => l.Id == m.Id))
            .DistinctBy(m => m.Id)
            .ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    public static string WeightsLocation(string repoId) => $"huggingface.co/{repoId}";

    private static string Bare(string location)
    {
        var text = location.Trim().TrimEnd('/');
        foreach (var scheme in new[] { "https://", "http://" })
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                return text[scheme.Length..];
        return text;
    }
}
