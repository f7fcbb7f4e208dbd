using F23.StringSimilarity;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// Turns what people type ("grok1", "Grok 2.5", "grk-1", "the 0.5T model") into a model. Exact names go through
/// the store's name index; typos and prefixes fall back to an in-memory list of names rebuilt when the store changes.
/// </summary>
public sealed class ModelResolver(KnowledgeStore store)
{
    private const int MaxSuggestions = 3;
    private static readonly OptimalStringAlignment Distance = new();
    private NameIndex _index = NameIndex.Empty;

    public Resolution Resolve(string query, Audience audience)
    {
        var key = Names.Key(query);
        if (key.Length == 0)
            return new Resolution.NotFound(query, []);

        var exact = store.FindModelsByKey(key).Where(m => audience.CanSee(m.Scope)).ToList();
        if (exact.Count == 1)
            return new Resolution.Found(query, exact[0]);
        if (exact.Count > 1)
            return new Resolution.Ambiguous(query, exact);

        var index = CurrentIndex();
        var family = index.ByFamily[key].Where(m => audience.CanSee(m.Scope)).ToList();
        if (family.Count == 1)
            return new Resolution.Found(query, family[0]);
        if (family.Count > 1)
            return new Resolution.Ambiguous(query, family);

        // One clear near miss ("grk-1") is taken as meant; anything less clear is offered as suggestions.
        var near = index.Closest(key, audience, MaxSuggestions);
        var clearWinner =
            near.Count > 0
            && near[0].Distance <= 1
            && key.Length >= 4
            && (near.Count == 1 || near[1].Distance > near[0].Distance);
        return clearWinner
            ? new Resolution.Found(query, near[0].Model)
            : new Resolution.NotFound(query, near.Select(n => n.Model).ToList());
    }

    /// <summary>
    /// Best matches for a partly typed name, for autocomplete: prefix matches first, then near misses.
    /// </summary>
    public IReadOnlyList<Model> Suggest(string partial, Audience audience, int max = 25)
    {
        var index = CurrentIndex();
        var key = Names.Key(partial);
        if (key.Length == 0)
            return index.Models.Where(m => audience.CanSee(m.Scope)).Take(max).ToList();
        var prefixed = index
            .Entries.Where(e => e.Key.StartsWith(key, StringComparison.Ordinal) && audience.CanSee(e.Model.Scope))
            .OrderBy(e => e.Key.Length)
            .Select(e => e.Model);
        var contained = index
            .Entries.Where(e => e.Key.Contains(key, StringComparison.Ordinal) && audience.CanSee(e.Model.Scope))
            .OrderBy(e => e.Key.Length)
            .Select(e => e.Model);
        return prefixed
            .Concat(contained)
            .Concat(index.Closest(key, audience, max).Select(n => n.Model))
            .DistinctBy(m => m.Id)
            .Take(max)
            .ToList();
    }

    /// <summary>The one model a name key names exactly, if any; used to spot models inside a question.</summary>
    public bool TryExact(string key, Audience audience, out Model model)
    {
        var found = store.FindModelsByKey(key).Where(m => audience.CanSee(m.Scope)).ToList();
        model = found.Count == 1 ? found[0] : null!;
        return found.Count == 1;
    }

    private NameIndex CurrentIndex()
    {
        var index = Volatile.Read(ref _index);
        if (index.Version == store.Version)
            return index;
        var version = store.Version;
        index = NameIndex.Build(store.AllModels(), version);
        Volatile.Write(ref _index, index);
        return index;
    }

    /// <summary>A name key with its letter counts, for a cheap lower bound before the edit distance.</summary>
    private sealed record Entry(string Key, Model Model)
    {
        public int[] Counts { get; } = LetterCounts(Key);
    }

    // Keys are lowercase letters and digits (Names.Key); anything else shares the last slot.
    private static int[] LetterCounts(string key)
    {
        var counts = new int[37];
        foreach (var c in key)
            counts[
                c is >= 'a' and <= 'z' ? c - 'a'
                : c is >= '0' and <= '9' ? 26 + c - '0'
                : 36
            ]++;
        return counts;
    }

    /// <summary>
    /// The "bag distance": characters one key has that the other lacks. Every edit fixes at most one of them on each
    /// side, so it never exceeds the edit distance, and it rules most names out without computing that.
    /// </summary>
    private static bool WithinBagDistance(int[] a, int[] b, int limit)
    {
        int surplus = 0,
            deficit = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            if (d > 0)
                surplus += d;
            else
                deficit -= d;
            if (surplus > limit || deficit > limit)
                return false;
        }
        return true;
    }

    private sealed record NameIndex(long Version, IReadOnlyList<Model> Models, IReadOnlyList<Entry> Entries)
    {
        public ILookup<string, Model> ByFamily { get; } = Models.ToLookup(m => m.Family, StringComparer.Ordinal);

        public static readonly NameIndex Empty = new(-1, [], []);

        public static NameIndex Build(IReadOnlyList<Model> models, long version) =>
            new(
                version,
                models.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList(),
                models.SelectMany(m => Documents.NameKeys(m).Select(k => new Entry(k, m))).ToList()
            );

        public List<(Model Model, double Distance)> Closest(string key, Audience audience, int max)
        {
            var limit = Math.Max(2, key.Length / 3);
            var counts = LetterCounts(key);
            var near = new List<(Model Model, double Distance)>();
            foreach (var entry in Entries)
            {
                if (
                    Math.Abs(entry.Key.Length - key.Length) > limit
                    || !WithinBagDistance(entry.Counts, counts, limit)
                    || !audience.CanSee(entry.Model.Scope)
                )
                    continue;
                var distance = Distance.Distance(entry.Key, key);
                if (distance <= limit)
                    near.Add((entry.Model, distance));
            }
            return near.GroupBy(x => x.Model.Id)
                .Select(g => g.MinBy(x => x.Distance))
                .OrderBy(x => x.Distance)
                .ThenBy(x => x.Model.Name, StringComparer.OrdinalIgnoreCase)
                .Take(max)
                .ToList();
        }
    }
}
