using System.Collections.Frozen;

namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// The words of model names ("grok", "llama", "deepseek"), found again from a misspelling in microseconds: every
/// word is stored under each form with up to <see cref="MaxEdits"/> letters deleted, and a typed word's own deletions
/// are looked up there (the symmetric-delete method), then checked with the real edit distance.
/// </summary>
public sealed class WordIndex
{
    public const int MaxEdits = 2;

    private readonly FrozenSet<string> _words;
    private readonly FrozenDictionary<string, string[]> _byDeletion;

    public WordIndex(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.Ordinal);
        var byDeletion = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in _words)
            foreach (var deletion in Deletions(word, word.Length <= 2 ? 0 : MaxEdits))
            {
                if (!byDeletion.TryGetValue(deletion, out var list))
                    byDeletion[deletion] = list = [];
                list.Add(word);
            }
        _byDeletion = byDeletion.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    public bool Contains(string word) => _words.Contains(word);

    /// <summary>How many typos a word of this length may carry: none in two letters, one up to seven, then two.</summary>
    public static int EditsAllowed(int length) =>
        length switch
        {
            <= 2 => 0,
            <= 7 => 1,
            _ => 2,
        };

    /// <summary>The name words nearest to <paramref name="typed"/> within the edits its length allows, nearest first.</summary>
    public IReadOnlyList<(string Word, int Distance)> Near(string typed, int? maxEdits = null)
    {
        var allowed = Math.Min(maxEdits ?? EditsAllowed(typed.Length), MaxEdits);
        if (allowed == 0 || _words.Count == 0)
            return [];
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var deletion in Deletions(typed, allowed))
            if (_byDeletion.TryGetValue(deletion, out var words))
                foreach (var word in words)
                    if (!found.ContainsKey(word) && Math.Abs(word.Length - typed.Length) <= allowed)
                    {
                        var distance = Distance(typed, word, allowed);
                        if (distance <= allowed)
                            found[word] = distance;
                    }
        return found
            .OrderBy(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }

    private static HashSet<string> Deletions(string word, int edits)
    {
        var all = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var round = 0; round < edits; round++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
                for (var i = 0; i < w.Length; i++)
                {
                    var shorter = w.Remove(i, 1);
                    if (shorter.Length > 0 && all.Add(shorter))
                        next.Add(shorter);
                }
            frontier = next;
        }
        return all;
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts once), giving up past the limit.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit)
                return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
