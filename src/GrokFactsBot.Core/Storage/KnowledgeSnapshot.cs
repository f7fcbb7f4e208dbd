using System.Collections.Concurrent;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Everything the answer path reads, in memory and never changed once published: the models, their claims paired
/// with their sources (ranks from chat applied), the name index, and derived lists computed on first use. A write
/// builds the next snapshot from this one and swaps it in; readers keep the one they started with.
/// </summary>
public sealed class KnowledgeSnapshot
{
    private readonly Dictionary<string, ModelEntry> _models;
    private readonly ConcurrentDictionary<string, object> _derived = new(StringComparer.Ordinal);
    private IReadOnlyList<Model>? _all;
    private int? _claimCount;

    internal KnowledgeSnapshot(
        long version,
        Dictionary<string, ModelEntry> models,
        Dictionary<string, Source> sources,
        NameIndex names
    )
    {
        Version = version;
        _models = models;
        Sources = sources;
        Names = names;
    }

    public static readonly KnowledgeSnapshot Empty = new(0, [], [], NameIndex.Build([]));

    /// <summary>Counts the writes the store has published: a new snapshot, a new number.</summary>
    public long Version { get; }

    public IReadOnlyDictionary<string, Source> Sources { get; }

    public NameIndex Names { get; }

    public int ModelCount => _models.Count;

    /// <summary>Every claim answers can show (those whose source is gone are left out), counted once.</summary>
    public int ClaimCount => _claimCount ??= _models.Values.Sum(e => e.Claims.Count);

    internal IReadOnlyDictionary<string, ModelEntry> Entries => _models;

    public ModelEntry? Entry(string modelId) => _models.GetValueOrDefault(modelId);

    public Model? FindModel(string modelId) => _models.GetValueOrDefault(modelId)?.Model;

    /// <summary>Every model, by name.</summary>
    public IReadOnlyList<Model> AllModels =>
        _all ??= _models
            .Values.Select(e => e.Model)
            .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>A model's claims as users see them, each with its source; a claim whose source is gone is left out.</summary>
    public IReadOnlyList<(Claim Claim, Source Source)> ClaimsWithSources(string modelId) =>
        _models.TryGetValue(modelId, out var entry) ? entry.Claims : [];

    public IReadOnlyList<Model> FindModelsByKey(string key) =>
        Names.Exact(key).Select(FindModel).OfType<Model>().ToList();

    /// <summary>
    /// Something worked out from the whole snapshot (the largest models, the disputed ones), kept as long as the
    /// snapshot is current. Safe because the snapshot never changes; the next write starts afresh.
    /// </summary>
    public T Derived<T>(string key, Func<KnowledgeSnapshot, T> build)
        where T : class => (T)_derived.GetOrAdd(key, _ => build(this));
}

/// <summary>
/// One model as stored: the model, its claims with their sources and chat ranks applied, the claims as their files or
/// chat first stated them (for "as of" a past day) and the curation log of rank changes.
/// </summary>
public sealed class ModelEntry(
    Model model,
    IReadOnlyList<(Claim Claim, Source Source)> claims,
    IReadOnlyDictionary<string, Claim> unranked,
    IReadOnlyList<RankEvent> history
)
{
    private static readonly IReadOnlyDictionary<string, Claim> NoneUnranked = new Dictionary<string, Claim>();

    public Model Model { get; } = model;

    // Exact-size arrays, and one shared empty map: the snapshot holds one entry per model for as long as it is current.
    public IReadOnlyList<(Claim Claim, Source Source)> Claims { get; } = claims.ToArray();

    /// <summary>Claims an admin re-ranked, as they were before any rank from chat.</summary>
    public IReadOnlyDictionary<string, Claim> Unranked { get; } = unranked.Count == 0 ? NoneUnranked : unranked;

    /// <summary>When admins changed a claim's rank or disputed it, oldest first.</summary>
    public IReadOnlyList<RankEvent> History { get; } = history.Count == 0 ? [] : history.ToArray();

    /// <summary>Some claims are local to one server, so different audiences see different facts.</summary>
    public bool HasLocalClaims { get; } = claims.Any(c => c.Claim.Scope is not null);
}

/// <summary>One rank change from the curation log: what was done to which claim, when, and why.</summary>
public sealed record RankEvent(string ClaimId, string Action, string? Reason, DateTimeOffset At);
