using System.Collections.Frozen;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Resolution;

/// <summary>
/// Turns what people type ("grok1", "Grok 2.5", "grk-1", "lama 3.1 405b", "grok three") into a model, and never into
/// a different one: a misspelt word is forgiven, a version, size or variant that matches no model is "not in the
/// knowledge base" with the nearest models as suggestions, and an incomplete name lists the models it could mean.
/// </summary>
public sealed class ModelResolver(KnowledgeStore store)
{
    private const int MaxSpanWords = 6;

    /// <summary>Words of a sentence that are never part of a name, so a name neither starts nor is corrected there.</summary>
    public static readonly FrozenSet<string> SentenceWords = FrozenSet.ToFrozenSet(
        "a an the is are was were be been being what whats which who whom whose how many much does do did has have had of for to in on at by from with about and or vs versus than me tell show give i you it its they their them there this that these those can could would will should yet still now already please any all same as".Split(
            ' '
        ),
        StringComparer.Ordinal
    );

    public Resolution Resolve(string query, Audience audience)
    {
        var match = new NameMatch(store.Snapshot, audience);
        if (match.ExactKey(query, Names.Key(query)) is { } exact)
            return exact;
        var tokens = NameTokens.Of(query);
        if (tokens.Count == 0)
            return new Resolution.NotFound(query, []);
        var (node, consumed) = match.Walk(tokens, 0, _ => true);
        return consumed == tokens.Count
            ? match.Result(query, node)
            : new Resolution.NotFound(query, match.Suggestions(node, tokens[consumed]));
    }

    /// <summary>
    /// The model names in a sentence, left to right: "is deepsek v3 larger than llama 3.1 405b" has two.
    /// <paramref name="sentenceWords"/> are the asker's own words (topics) that end a name, on top of
    /// <see cref="SentenceWords"/>.
    /// </summary>
    public IReadOnlyList<Mention> FindMentions(string text, Audience audience, ISet<string>? sentenceWords = null)
    {
        var match = new NameMatch(store.Snapshot, audience);
        var words = Words(text);
        var isSentenceWord = words
            .Select(w => SentenceWords.Contains(w.ToLowerInvariant()) || sentenceWords?.Contains(w.ToLowerInvariant()) == true)
            .ToArray();
        var tokens = new List<NameToken>();
        var tokenWord = new List<int>();
        var firstToken = new int[words.Count + 1];
        for (var w = 0; w < words.Count; w++)
        {
            firstToken[w] = tokens.Count;
            foreach (var token in NameTokens.Of(words[w]))
            {
                tokens.Add(token);
                tokenWord.Add(w);
            }
        }
        firstToken[words.Count] = tokens.Count;

        var mentions = new List<Mention>();
        for (var w = 0; w < words.Count;)
        {
            if (ExactSpan(match, words, w, tokens, firstToken) is { } exact)
            {
                mentions.Add(exact);
                w += exact.WordCount;
                continue;
            }
            if (isSentenceWord[w] || firstToken[w] == firstToken[w + 1])
            {
                w++;
                continue;
            }
            var start = firstToken[w];
            var (node, consumed) = match.Walk(tokens, start, t => !isSentenceWord[tokenWord[t]]);
            if (consumed == 0)
            {
                w++;
                continue;
            }
            var end = start + consumed;
            // A version or variant right after the name means the user named something more specific.
            var extended = end;
            while (
                extended < tokens.Count
                && !tokens[extended].IsWord
                && (tokenWord[extended] == tokenWord[end - 1] || !isSentenceWord[tokenWord[extended]])
            )
                extended++;
            var last = tokenWord[Math.Max(extended, end) - 1];
            var spanText = string.Join(' ', words.Skip(w).Take(last - w + 1));
            var resolution =
                extended > end
                    ? new Resolution.NotFound(spanText, match.Suggestions(node, tokens[end]))
                    : match.Result(spanText, node);
            mentions.Add(new Mention(w, last - w + 1, spanText, resolution));
            w = last + 1;
        }
        return mentions;
    }

    /// <summary>
    /// The longest run of words from <paramref name="w"/> that is exactly some model's name or alias ("the 0.5T
    /// model", "deepseekv3"), unless a version follows it.
    /// </summary>
    private static Mention? ExactSpan(
        NameMatch match,
        List<string> words,
        int w,
        List<NameToken> tokens,
        int[] firstToken
    )
    {
        for (var length = Math.Min(MaxSpanWords, words.Count - w); length >= 1; length--)
        {
            var text = string.Join(' ', words.Skip(w).Take(length));
            var key = Names.Key(text);
            if (key.Length < 2 || match.ExactKey(text, key) is not { } resolution)
                continue;
            var next = firstToken[w + length];
            if (next < tokens.Count && !tokens[next].IsWord)
                return null;
            return new Mention(w, length, text, resolution);
        }
        return null;
    }

    /// <summary>The words of a sentence, without punctuation and possessives ("llama's" → "llama").</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in text.Split(SentenceBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.TrimEnd('.', '\'', '’');
            if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
                word = word[..^2];
            if (word.Length > 0)
                words.Add(word);
        }
        return words;
    }

    private static readonly char[] SentenceBreaks = [' ', '\t', '\n', ',', '?', '!', ';', ':', '(', ')', '"', '“', '”', '/'];

    /// <summary>
    /// Best matches for a partly typed name, for autocomplete: names that start with it first, then the models it
    /// could mean or is near.
    /// </summary>
    public IReadOnlyList<Model> Suggest(string partial, Audience audience, int max = 25)
    {
        var snapshot = store.Snapshot;
        var key = Names.Key(partial);
        if (key.Length == 0)
            return snapshot.AllModels.Where(m => audience.CanSee(m.Scope)).Take(max).ToList();
        var prefixed = snapshot
            .Names.WithKeyPrefix(key)
            .Select(snapshot.FindModel)
            .OfType<Model>()
            .Where(m => audience.CanSee(m.Scope));
        IReadOnlyList<Model> meant = Resolve(partial, audience) switch
        {
            Resolution.Found f => [f.Model],
            Resolution.Ambiguous a => a.Candidates,
            Resolution.NotFound n => n.Suggestions,
            _ => [],
        };
        return prefixed.Concat(meant).DistinctBy(m => m.Id).Take(max).ToList();
    }

    /// <summary>The one model a name key names exactly, if any.</summary>
    public bool TryExact(string key, Audience audience, out Model model)
    {
        var found = new NameMatch(store.Snapshot, audience).Visible(store.Snapshot.Names.Exact(key));
        model = found.Count == 1 ? found[0] : null!;
        return found.Count == 1;
    }
}
