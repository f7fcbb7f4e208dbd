using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.Asking;

/// <summary>
/// Answers a plain question deterministically: finds the models it names and the topic it asks about by
/// keywords, then answers with the same cited structure as the commands. No language model, no network.
/// </summary>
public sealed class QuestionAnswerer(
    KnowledgeQueries queries,
    ModelComparison comparison,
    LargestModels largest,
    ModelResolver resolver,
    IEnumerable<IQuestionRoute>? routes = null
)
{
    private readonly IQuestionRoute[] _routes = routes?.ToArray() ?? [];

    private const int MaxNameWords = 5;

    private static readonly (string Topic, string[] Words)[] Topics =
    [
        ("largest", ["largest", "biggest"]),
        ("compare", ["larger", "bigger", "smaller", "compare", "versus", "vs", "than"]),
        ("license", ["license", "licence", "licensed", "licenced", "open source", "apache", "commercial"]),
        ("context", ["context", "tokens", "window"]),
        ("params", ["parameters", "parameter", "params", "how big", "how large", "size", "billion", "trillion"]),
        (
            "release",
            [
                "when",
                "release",
                "released",
                "come out",
                "came out",
                "launch",
                "launched",
                "date",
                "announced",
                "open-source",
                "open weights",
            ]
        ),
        ("developer", ["who makes", "who made", "who built", "developer", "made by", "which company", "who developed"]),
        ("disputes", ["dispute", "disputes", "disagree", "contradict"]),
        ("sources", ["source", "sources", "cite", "citation"]),
    ];

    /// <summary>Words of questions that are never model names, so the typo fallback need not try them.</summary>
    private static readonly HashSet<string> CommonWords = new(
        Topics
            .SelectMany(t => t.Words)
            .Concat([
                "what",
                "which",
                "does",
                "have",
                "many",
                "much",
                "about",
                "model",
                "models",
                "with",
                "from",
                "that",
                "this",
                "will",
                "would",
                "there",
                "their",
                "under",
                "makes",
                "come",
                "came",
                "were",
                "been",
                "know",
                "tell",
                "show",
                "give",
                "open",
                "weights",
            ]),
        StringComparer.OrdinalIgnoreCase
    );

    public Answer Answer(string question, Audience audience)
    {
        foreach (var route in _routes)
            if (route.TryAnswer(question, audience) is { } routed)
                return routed;
        // Only a short text can be a bare model name; matching a whole sentence against every name costs milliseconds.
        switch (
            question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxNameWords
                ? resolver.Resolve(question, audience)
                : null
        )
        {
            case Resolution.Resolution.Found named:
                return queries.Card(named.Model.Id, audience);
            case Resolution.Resolution.Ambiguous ambiguous:
                return KnowledgeQueries.NotFound(ambiguous);
        }
        var text = question.ToLowerInvariant();
        var models = FindModels(question, audience);
        var topic = Topics.FirstOrDefault(t => t.Words.Any(w => ContainsWord(text, w))).Topic;
        if (topic == "compare" && models.Count < 2)
            topic = "params";

        return (topic, models.Count) switch
        {
            ("compare", _) => comparison.Compare(models[0].Id, models[1].Id, audience),
            ("largest", 0) => largest.OpenWeights(audience),
            ("largest", _) => queries.Facts(
                models[0],
                audience,
                "largest open model?",
                [ModelAttribute.LargestOpenModel, ModelAttribute.TotalParameters]
            ),
            (_, 0) => Unclear(question, topic, models),
            ("params", _) => queries.Facts(models[0], audience, "parameters", KnowledgeQueries.ParameterAttributes),
            ("license", _) => queries.Facts(models[0], audience, "license", KnowledgeQueries.LicenseAttributes),
            ("context", _) => queries.Facts(models[0], audience, "context length", KnowledgeQueries.ContextAttributes),
            ("release", _) => queries.Facts(models[0], audience, "release", KnowledgeQueries.ReleaseAttributes),
            ("developer", _) => queries.Facts(models[0], audience, "developer", [ModelAttribute.Developer]),
            ("disputes", _) => queries.Disputes(models[0].Id, audience),
            ("sources", _) => queries.Sources(models[0].Id, audience),
            _ => queries.Card(models[0].Id, audience),
        };
    }

    /// <summary>The models a question names, left to right, and the first name it could not place.</summary>
    private List<Model> FindModels(string question, Audience audience)
    {
        var found = new List<Model>();
        foreach (var mention in resolver.FindMentions(question, audience, CommonWords))
            if (mention.Resolution is Resolution.Resolution.Found f && found.All(m => m.Id != f.Model.Id))
                found.Add(f.Model);
        return found;
    }

    private static Answer Unclear(string question, string? topic, List<Model> models)
    {
        var understood = topic is null ? "no topic I know" : $"a question about {topic}";
        return Answers.Answer.Message(
            AnswerKind.Usage,
            "I couldn't tell which model you mean",
            $"I read \"{question}\" as {understood}, but found no model name I know in it.",
            "Name the model as it is usually written (e.g. grok-1, llama 3.1 405b), or use a command: "
                + "`params <model>`, `license <model>`, `release <model>`, `compare <a> <b>`, `models` to list them."
        );
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
                return true;
            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }
        return false;
    }
}
