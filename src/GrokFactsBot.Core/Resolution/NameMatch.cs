using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// Matching typed name tokens against the name index of one snapshot, for one audience: walk the trie token by token,
/// correcting a misspelt word to a name word but never a version, then say what the place reached means.
/// </summary>
internal sealed class NameMatch(KnowledgeSnapshot snapshot, Audience audience)
{
    public const int MaxSuggestions = 3;

    private NameIndex Names => snapshot.Names;

    /// <summary>
    /// Walks from the root as far as the tokens from <paramref name="start"/> lead; <paramref name="mayCorrect"/>
    /// says which tokens may be spelling-corrected (not the words of the question around a name).
    /// </summary>
    public (TrieNode Node, int Consumed) Walk(IReadOnlyList<NameToken> tokens, int start, Func<int, bool> mayCorrect)
    {
        var node = Names.Root;
        var i = start;
        for (; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var next = node.Child(token.Text);
            if (next is null && token.IsWord && node != Names.Root && NameTokens.TryNumberWord(token.Text, out var d))
                next = node.Child(d);
            if (next is null && token.IsWord && mayCorrect(i) && !Names.Words.Contains(token.Text))
            {
                // A three-letter word at the start of a name is corrected only when a version follows ("grk 1").
                var followedByVersion = i + 1 < tokens.Count && !tokens[i + 1].IsWord;
                if (node != Names.Root || token.Text.Length >= 4 || followedByVersion)
                    next = Corrected(node, token.Text);
            }
            if (next is null)
                break;
            node = next;
        }
        return (node, i - start);
    }

    /// <summary>The one child nearest to a misspelt word; none when two are equally near.</summary>
    private TrieNode? Corrected(TrieNode node, string word)
    {
        var fits = Names.Words.Near(word).Where(n => node.Children.ContainsKey(n.Word)).ToList();
        if (fits.Count == 0 || (fits.Count > 1 && fits[1].Distance == fits[0].Distance))
            return null;
        return node.Child(fits[0].Word);
    }

    /// <summary>What reaching a node means: a model whose name ends here, or the models it could still become.</summary>
    public Resolution Result(string query, TrieNode node)
    {
        var ends = Visible(node.Ends);
        if (ends.Count == 1)
            return new Resolution.Found(query, ends[0]);
        if (ends.Count > 1)
            return new Resolution.Ambiguous(query, ends);
        var below = Visible(node.Below);
        return below.Count switch
        {
            0 => new Resolution.NotFound(query, []),
            // "deepseek v3.2" is not DeepSeek-V3.2-Exp: a variant word left off names another release.
            1 when node.Children.Keys.All(NameTokens.Suffixes.Contains) => new Resolution.NotFound(query, below),
            1 => new Resolution.Found(query, below[0]) { Partial = true },
            _ => new Resolution.Ambiguous(query, below),
        };
    }

    /// <summary>
    /// The models nearest to a name that stopped matching at <paramref name="node"/> on <paramref name="next"/>: for a
    /// number, the nearest versions ("grok 9" → Grok 5, Grok 4.6); for a word, the model named so far and its closest
    /// variants ("grok 4 mini" → Grok 4, Grok 4 Fast).
    /// </summary>
    public IReadOnlyList<Model> Suggestions(TrieNode node, NameToken? next)
    {
        var picks = new List<Model>();
        if (node == Names.Root)
        {
            if (next is { IsWord: true } word)
                foreach (var (near, _) in Names.Words.Near(word.Text, WordIndex.MaxEdits))
                    if (node.Child(near) is { } child)
                        Add(picks, Representative(child));
            return picks.Take(MaxSuggestions).ToList();
        }
        Add(picks, Visible(node.Ends).FirstOrDefault());
        if (next is { IsNumeric: true } number && TrieNode.TryLeadingNumber(number.Text, out var value))
            foreach (var (_, token) in node.NumericChildren.OrderBy(c => Math.Abs(c.Value - value)).Take(MaxSuggestions))
                Add(picks, Representative(node.Children[token]));
        else if (node.Children.Count <= 100)
            foreach (var (token, child) in node.Children.OrderBy(c => WordIndex.Distance(next?.Text ?? "", c.Key, 6)))
            {
                Add(picks, Representative(child));
                if (picks.Count >= MaxSuggestions)
                    break;
            }
        foreach (var model in Visible(node.Below.Take(50)))
            Add(picks, model);
        return picks.Take(MaxSuggestions).ToList();
    }

    private Model? Representative(TrieNode node) =>
        Visible(node.Ends).FirstOrDefault() ?? Visible(node.Below.Take(20)).FirstOrDefault();

    private static void Add(List<Model> picks, Model? model)
    {
        if (model is not null && picks.All(p => p.Id != model.Id))
            picks.Add(model);
    }

    /// <summary>The models behind these ids that the audience may see, by name.</summary>
    public List<Model> Visible(IEnumerable<string> ids)
    {
        // Asked many times per typo's suggestions, mostly of one model or none: a loop, and a sort only when needed.
        var models = new List<Model>();
        foreach (var id in ids)
            if (snapshot.FindModel(id) is { } model && audience.CanSee(model.Scope))
                models.Add(model);
        return models.Count <= 1 ? models : models.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public Resolution? ExactKey(string query, string key)
    {
        if (key.Length == 0)
            return null;
        var exact = Visible(Names.Exact(key));
        return exact.Count switch
        {
            0 => null,
            1 => new Resolution.Found(query, exact[0]),
            _ => new Resolution.Ambiguous(query, exact),
        };
    }
}
