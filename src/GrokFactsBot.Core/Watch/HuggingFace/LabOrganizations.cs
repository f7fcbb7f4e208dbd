using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Watch.HuggingFace;

/// <summary>A Hugging Face organisation and the lab (developer, as the knowledge base names it) that owns it.</summary>
public sealed record LabOrganization(string Organization, string Developer);

/// <summary>
/// Which organisations belong to which lab. The knowledge base says so itself wherever a lab's weights are recorded
/// at huggingface.co/{org}/…; a few labs whose weights are not recorded yet are known here by their official org.
/// </summary>
public sealed class LabOrganizations(KnowledgeStore store)
{
    private const string WeightsPrefix = "huggingface.co/";

    /// <summary>Official Hub organisations of labs, for when the knowledge base has none of their weights yet.</summary>
    private static readonly (string Developer, string Organization)[] Known =
    [
        ("xAI", "xai-org"),
        ("Meta", "meta-llama"),
        ("Mistral AI", "mistralai"),
        ("DeepSeek", "deepseek-ai"),
        ("Moonshot AI", "moonshotai"),
        ("OpenAI", "openai"),
        ("Alibaba (Qwen team)", "Qwen"),
    ];

    /// <summary>The configured organisations, or else every lab organisation of the shared knowledge base.</summary>
    public IReadOnlyList<LabOrganization> Resolve(IReadOnlyList<string> configured)
    {
        var fromKnowledge = FromKnowledge();
        if (configured.Count > 0)
            return configured
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(org => fromKnowledge.FirstOrDefault(l => Same(l.Organization, org)) ?? new(org, org))
                .ToList();
        return fromKnowledge;
    }

    private List<LabOrganization> FromKnowledge()
    {
        var models = store.AllModels().Where(m => m.Scope is null).ToList();
        var developers = models.Select(m => m.Developer).Distinct().ToList();
        var found = new List<LabOrganization>();
        foreach (var model in models)
            foreach (var claim in store.ClaimsFor(model.Id).Where(c => c.Attribute == ModelAttribute.WeightsLocation))
                if (OrganizationOf(claim.Value.Text) is { } org && !found.Any(f => Same(f.Organization, org)))
                    found.Add(new LabOrganization(org, model.Developer));
        foreach (var (developer, org) in Known)
            if (
                developers.FirstOrDefault(d => Names.Key(d) == Names.Key(developer)) is { } named
                && !found.Any(f => Same(f.Organization, org))
            )
                found.Add(new LabOrganization(org, named));
        return found.OrderBy(f => f.Organization, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>"huggingface.co/xai-org/grok-1" (with or without https://) → "xai-org".</summary>
    public static string? OrganizationOf(string weightsLocation)
    {
        var text = weightsLocation.Trim();
        foreach (var scheme in new[] { "https://", "http://" })
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                text = text[scheme.Length..];
        if (!text.StartsWith(WeightsPrefix, StringComparison.OrdinalIgnoreCase))
            return null;
        var parts = text[WeightsPrefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[0] : null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
