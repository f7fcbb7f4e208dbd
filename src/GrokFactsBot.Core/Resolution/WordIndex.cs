namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// The words of model names ("grok", "llama", "deepseek"), found again from a misspelling in microseconds: every
/// word is filed under each form with up to <see cref="MaxEdits"/> letters deleted, and a typed word's own deletions
/// are looked up there (the symmetric-delete method), then checked with the real edit distance. Forms are filed by
/// hash alone, in one sorted array: a collision only costs one more distance check, and the index stays a few hundred
/// kilobytes instead of a dictionary of every deleted form.
/// </summary>
public sealed class WordIndex
{
    public const int MaxEdits = 2;

    private readonly HashSet<string> _words;
    private readonly string[] _vocabulary;
    private readonly int[] _formHashes;
    private readonly int[] _formWords;
    private readonly int _longest;

    public WordIndex(IEnumerable<string> words)
    {
        _words = new HashSet<string>(words, StringComparer.Ordinal);
        _vocabulary = [.. _words.Order(StringComparer.Ordinal)];
        _longest = _vocabulary.Length == 0 ? 0 : _vocabulary.Max(w => w.Length);
        var forms = new List<(int Hash, int Word)>();
        for (var w = 0; w < _vocabulary.Length; w++)
        {
            var word = _vocabulary[w];
            var at = w;
            ForEachDeletion(word, word.Length <= 2 ? 0 : MaxEdits, hash => forms.Add((hash, at)));
        }
        forms.Sort();
        _formHashes = [.. forms.Select(f => f.Hash)];
        _formWords = [.. forms.Select(f => f.Word)];
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
        // Past the longest word plus the edits allowed nothing can be near (and a pasted wall of text costs nothing).
        if (allowed == 0 || typed.Length > _longest + allowed)
            return [];
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        ForEachDeletion(
            typed,
            allowed,
            hash =>
            {
                for (var i = LowerBound(hash); i < _formHashes.Length && _formHashes[i] == hash; i++)
                {
                    var word = _vocabulary[_formWords[i]];
                    if (found.ContainsKey(word) || Math.Abs(word.Length - typed.Length) > allowed)
                        continue;
                    var distance = Distance(typed, word, allowed);
                    if (distance <= allowed)
                        found[word] = distance;
                }
            }
        );
        return found
            .OrderBy(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }

    private int LowerBound(int hash)
    {
        int low = 0,
            high = _formHashes.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_formHashes[mid] < hash)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }

    /// <summary>
    /// The hash of the word and of every form of it with up to <paramref name="edits"/> letters deleted (two
    /// deletions at most), without building the forms as strings. A form reached twice is reported twice.
    /// </summary>
    private static void ForEachDeletion(string word, int edits, Action<int> form)
    {
        form(string.GetHashCode(word.AsSpan(), StringComparison.Ordinal));
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length && edits >= 1; i++)
        {
            if (word.Length > 1)
                form(HashWithout(word, i, -1, buffer));
            for (var j = i + 1; j < word.Length && edits >= 2 && word.Length > 2; j++)
                form(HashWithout(word, i, j, buffer));
        }
    }

    private static int HashWithout(string word, int first, int second, Span<char> buffer)
    {
        var length = 0;
        for (var k = 0; k < word.Length; k++)
            if (k != first && k != second)
                buffer[length++] = word[k];
        return string.GetHashCode(buffer[..length], StringComparison.Ordinal);
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts once), giving up past the limit.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        // Three rows on the stack: a typo's suggestions measure many words.
        var width = b.Length + 1;
        Span<int> rows = width <= 256 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
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
            var reused = previous2;
            previous2 = previous;
            previous = current;
            current = reused;
        }
        return previous[b.Length];
    }
}
