using System.Collections.Frozen;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// Every name, alias and family of every model, three ways: by exact key ("grok1"), as a trie of name tokens
/// (grok → 4 → fast) that a typed name walks, and as a vocabulary of name words for spelling correction. Built once
/// per change of names; holds model ids, so a fact added to a model never rebuilds it.
/// </summary>
public sealed class NameIndex
{
    private readonly FrozenDictionary<string, string[]> _exact;
    private readonly string[] _sortedKeys;
    private readonly string[][] _sortedKeyModels;

    private NameIndex(
        FrozenDictionary<string, string[]> exact,
        TrieNode root,
        WordIndex words,
        string[] sortedKeys,
        string[][] sortedKeyModels
    )
    {
        _exact = exact;
        Root = root;
        Words = words;
        _sortedKeys = sortedKeys;
        _sortedKeyModels = sortedKeyModels;
    }

    public TrieNode Root { get; }

    public WordIndex Words { get; }

    /// <summary>Ids of the models one of whose names has this key (<see cref="Names.Key"/>).</summary>
    public IReadOnlyList<string> Exact(string key) => _exact.TryGetValue(key, out var ids) ? ids : [];

    /// <summary>Model ids whose keys start with <paramref name="prefix"/>, shortest keys first.</summary>
    public IEnumerable<string> WithKeyPrefix(string prefix)
    {
        var at = Array.BinarySearch(_sortedKeys, prefix, StringComparer.Ordinal);
        if (at < 0)
            at = ~at;
        var hits = new List<(string Key, string[] Models)>();
        for (var i = at; i < _sortedKeys.Length && _sortedKeys[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            hits.Add((_sortedKeys[i], _sortedKeyModels[i]));
            if (hits.Count >= 200)
                break;
        }
        return hits.OrderBy(h => h.Key.Length).SelectMany(h => h.Models);
    }

    public static NameIndex Build(IEnumerable<Model> models)
    {
        var exact = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var root = new TrieNode();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var key in Names.KeysOf(model))
            {
                if (!exact.TryGetValue(key, out var ids))
                    exact[key] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(model.Id);
            }
            foreach (var name in new[] { model.Id, model.Name }.Concat(model.Aliases))
                root.Add(NameTokens.Of(name), model.Id, endsHere: true, vocabulary);
            // A family word names every model of the family without naming one ("llama", "gpt-oss").
            if (model.Family.Length > 0)
                root.Add(NameTokens.Of(model.Family), model.Id, endsHere: false, vocabulary);
        }
        root.Freeze();
        var sorted = exact.Keys.Order(StringComparer.Ordinal).ToArray();
        return new NameIndex(
            exact.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray()),
            root,
            new WordIndex(vocabulary),
            sorted,
            sorted.Select(k => exact[k].Order(StringComparer.Ordinal).ToArray()).ToArray()
        );
    }
}

/// <summary>
/// One step of a name: the models whose name ends here, the models whose name (or family) passes through, and the
/// next tokens. Numeric children are also kept in order so "grok 9" can be offered the nearest versions.
/// </summary>
public sealed class TrieNode
{
    private Dictionary<string, TrieNode>? _building = [];
    private HashSet<string>? _endsBuilding = new(StringComparer.Ordinal);
    private HashSet<string>? _belowBuilding = new(StringComparer.Ordinal);

    /// <summary>The next tokens, in ordinal order (suggestions that tie keep it).</summary>
    public IReadOnlyDictionary<string, TrieNode> Children { get; private set; } = NoChildren;

    private static readonly Dictionary<string, TrieNode> NoChildren = [];

    /// <summary>Models one of whose names is exactly the path to here.</summary>
    public string[] Ends { get; private set; } = [];

    /// <summary>Models one of whose names or family starts with the path to here.</summary>
    public string[] Below { get; private set; } = [];

    /// <summary>Children whose token is a number, by value, for nearest-version suggestions.</summary>
    public (double Value, string Token)[] NumericChildren { get; private set; } = [];

    public TrieNode? Child(string token) => Children.GetValueOrDefault(token);

    internal void Add(List<NameToken> tokens, string modelId, bool endsHere, HashSet<string> vocabulary)
    {
        var node = this;
        foreach (var token in tokens)
        {
            if (token.IsWord)
                vocabulary.Add(token.Text);
            if (!node._building!.TryGetValue(token.Text, out var next))
                node._building[token.Text] = next = new TrieNode();
            node = next;
            node._belowBuilding!.Add(modelId);
        }
        if (endsHere && tokens.Count > 0)
            node._endsBuilding!.Add(modelId);
    }

    internal void Freeze()
    {
        foreach (var child in _building!.Values)
            child.Freeze();
        // A plain dictionary: thousands of nodes, each frozen, cost start-up more than their lookups ever save.
        Children =
            _building.Count == 0
                ? NoChildren
                : _building.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        Ends = [.. _endsBuilding!.Order(StringComparer.Ordinal)];
        Below = [.. _belowBuilding!.Order(StringComparer.Ordinal)];
        NumericChildren =
        [
            .. _building
                .Keys.Select(k => (Ok: TryLeadingNumber(k, out var v), Value: v, Token: k))
                .Where(x => x.Ok)
                .Select(x => (x.Value, x.Token))
                .OrderBy(x => x.Value),
        ];
        _building = null;
        _endsBuilding = null;
        _belowBuilding = null;
    }

    /// <summary>The number a version token starts with: "4.1" is 4.1, "405b" 405, "4o" 4.</summary>
    public static bool TryLeadingNumber(string token, out double value)
    {
        var end = 0;
        while (end < token.Length && (char.IsAsciiDigit(token[end]) || token[end] == '.'))
            end++;
        return double.TryParse(
            token.AsSpan(0, end),
            System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture,
            out value
        );
    }
}
