using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.Asking;

/// <summary>
/// What a plain question asks, read by keywords: the models it names (found, unknown or ambiguous), its topics, and
/// whether it wants a yes or no, a ranking, a comparison, openness, disputes or sources.
/// </summary>
public sealed record QuestionReading(
    string Text,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<Topic> Topics,
    bool YesNo,
    bool Largest,
    bool Compare,
    bool Smaller,
    bool Openness,
    bool OpenSource,
    bool Disputes,
    bool Sources,
    string? Developer,
    IReadOnlyList<string> Unplaced
)
{
    private static readonly string[] YesNoOpeners =
    [
        "is",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "isn't",
        "isnt",
        "hasn't",
        "hasnt",
        "didn't",
        "didnt",
    ];

    public static readonly string[] LargestWords = ["largest", "biggest", "most parameters", "largest open"];
    public static readonly string[] CompareWords =
    [
        "larger",
        "bigger",
        "smaller",
        "compare",
        "compared",
        "versus",
        "vs",
        "than",
        "same size",
    ];
    public static readonly string[] OpenSourceWords =
    [
        "open source",
        "open-source",
        "open sourced",
        "open-sourced",
        "opensource",
        "opensourced",
    ];
    public static readonly string[] OpenWords =
    [
        .. OpenSourceWords,
        "open weights",
        "open-weights",
        "open weight",
        "open-weight",
        "open",
        "download",
        "downloadable",
        "weights",
        "on hugging face",
        "huggingface",
    ];
    public static readonly string[] DisputeWords = ["dispute", "disputes", "disputed", "disagree", "contradict", "conflicting"];
    public static readonly string[] SourceWords = ["source", "sources", "cite", "citation", "citations", "evidence"];

    /// <summary>Every word the reader understands as part of the question rather than of a name.</summary>
    public static readonly HashSet<string> QuestionWords = new(
        Answers
            .Topics.All.SelectMany(t => t.Words)
            .Concat(LargestWords)
            .Concat(CompareWords)
            .Concat(OpenWords)
            .Concat(DisputeWords)
            .Concat(SourceWords)
            .Concat(YesNoOpeners)
            .SelectMany(w => w.Split(' '))
            .Concat(
                "model models llm llms ai know tell much many big large small newest latest new old yet already weights released publish published make makes made built company lab about info information card overview total number count same yes no they them xai's".Split(
                    ' '
                )
            ),
        StringComparer.OrdinalIgnoreCase
    );

    public bool HasTopic => Topics.Count > 0;

    public static QuestionReading Read(
        string question,
        ModelResolver resolver,
        Audience audience,
        IReadOnlyDictionary<string, string> developers
    )
    {
        var text = question.ToLowerInvariant();
        var words = ModelResolver.Words(question);
        // "made by meta": a developer's name is not a mention of the one model whose alias starts with it.
        var mentions = resolver
            .FindMentions(question, audience, QuestionWords)
            .Where(m =>
                !(
                    developers.ContainsKey(Domain.Names.Key(m.Text))
                    && m.Resolution is Resolution.Resolution.Ambiguous or Resolution.Resolution.Found { Partial: true }
                )
            )
            .ToList();
        var inMention = new HashSet<int>(mentions.SelectMany(m => Enumerable.Range(m.FirstWord, m.WordCount)));
        var topics = Answers
            .Topics.All.Select(t => (Topic: t, At: t.Words.Select(w => IndexOfWord(text, w)).Where(i => i >= 0).DefaultIfEmpty(-1).Min()))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At)
            .Select(x => x.Topic)
            .ToList();
        string? developer = null;
        var unplaced = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (inMention.Contains(i))
                continue;
            var key = Domain.Names.Key(words[i]);
            if (developers.TryGetValue(key, out var named))
                developer ??= named;
            else if (
                key.Length > 1
                && !QuestionWords.Contains(words[i])
                && !ModelResolver.SentenceWords.Contains(words[i].ToLowerInvariant())
            )
                unplaced.Add(words[i]);
        }
        var first = words.Count > 0 ? words[0].ToLowerInvariant() : "";
        return new QuestionReading(
            question,
            mentions,
            topics,
            YesNoOpeners.Contains(first),
            LargestWords.Any(w => IndexOfWord(text, w) >= 0),
            CompareWords.Any(w => IndexOfWord(text, w) >= 0),
            IndexOfWord(text, "smaller") >= 0,
            OpenWords.Any(w => IndexOfWord(text, w) >= 0),
            OpenSourceWords.Any(w => IndexOfWord(text, w) >= 0),
            DisputeWords.Any(w => IndexOfWord(text, w) >= 0),
            SourceWords.Any(w => IndexOfWord(text, w) >= 0),
            developer,
            unplaced
        );
    }

    /// <summary>Where a word or phrase occurs as whole words, or -1.</summary>
    public static int IndexOfWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
                return at;
            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }
        return -1;
    }

    /// <summary>What the reader understood, in words, for an answer that could not go further.</summary>
    public string Understood()
    {
        var parts = new List<string>();
        if (YesNo)
            parts.Add("a yes-or-no question");
        if (Largest)
            parts.Add("asking for the largest");
        if (Compare)
            parts.Add("a comparison");
        if (Openness)
            parts.Add(OpenSource ? "about open source" : "about open weights");
        parts.AddRange(Topics.Select(t => $"about {t.Title}"));
        if (Developer is not null)
            parts.Add($"about {Developer}");
        return parts.Count == 0 ? "no topic I know" : string.Join(", ", parts);
    }
}
