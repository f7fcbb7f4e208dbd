using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Asking;

/// <summary>
/// Answers a plain question deterministically, on its point: the models it names (never another one), its topics
/// (several at once), yes or no first when that is what it asks, rankings within a named family or developer, and
/// comparisons; when it can't, it says what it understood. No language model, no network.
/// </summary>
public sealed class QuestionAnswerer(
    KnowledgeQueries queries,
    ModelComparison comparison,
    LargestModels largest,
    ModelResolver resolver,
    KnowledgeStore store,
    YesNoAnswers yesNo,
    IEnumerable<IQuestionRoute>? routes = null
)
{
    private readonly IQuestionRoute[] _routes = routes?.ToArray() ?? [];

    public Answer Answer(string question, Audience audience)
    {
        foreach (var route in _routes)
            if (route.TryAnswer(question, audience) is { } routed)
                return routed;
        audience = AsOf.FromQuestion(question, audience, queries.Today);
        var read = QuestionReading.Read(question, resolver, audience, Developers());
        if (read.Mentions.FirstOrDefault(m => m.Resolution is R.NotFound) is { } unknown)
            return KnowledgeQueries.NotFound(unknown.Resolution);
        var found = read
            .Mentions.Select(m => m.Resolution)
            .OfType<R.Found>()
            .DistinctBy(f => f.Model.Id)
            .ToList();
        var ambiguous = read.Mentions.Select(m => m.Resolution).OfType<R.Ambiguous>().FirstOrDefault();

        if (read.Largest && found.Count == 0)
            return largest.Rank(audience, ambiguous?.Candidates, read.Developer, read.Openness, ambiguous?.Query);
        if (read.Largest && found.Count == 1 && read.YesNo)
            return yesNo.IsLargest(found[0].Model, audience, read.Openness);
        // "Is Kimi K3 larger than Qwen3.8?" with two Qwen3.8 models: which one, before any comparison.
        if (read.Compare && ambiguous is not null && found.Count < 2)
            return KnowledgeQueries.NotFound(ambiguous);
        if (found.Count >= 2)
            return read.YesNo && read.Compare
                ? comparison.IsLarger(found[0].Model, found[1].Model, audience, read.Smaller)
                : comparison.Compare(found[0].Model, found[1].Model, audience);
        if (found.Count == 1)
            return AboutOne(read, found[0], audience);
        if (ambiguous is not null)
            return read.HasTopic
                ? queries.ForEach(ambiguous.Candidates, audience, read.Topics[0], ambiguous.Query)
                : KnowledgeQueries.NotFound(ambiguous);
        return Unclear(read);
    }

    /// <summary>Whether a text names at least one model among other words ("and context of grok-1").</summary>
    public bool NamesAModel(string text, Audience audience) =>
        resolver.FindMentions(text, audience, QuestionReading.QuestionWords).Any(m => m.Resolution is R.Found);

    private Answer AboutOne(QuestionReading read, R.Found found, Audience audience)
    {
        var model = found.Model;
        var answer = read switch
        {
            { YesNo: true, Openness: true } => yesNo.IsOpen(model, audience, read.OpenSource),
            { YesNo: true, Developer: { } developer } => yesNo.IsMadeBy(model, audience, developer),
            { YesNo: true, Topics: [var topic, ..] } when topic == Topics.Release => yesNo.IsReleased(model, audience),
            { Disputes: true } => queries.Disputes(model.Id, audience),
            { Sources: true, HasTopic: false } => queries.Sources(model.Id, audience),
            { HasTopic: true } => queries.Facts(model, audience, read.Topics),
            { Openness: true } => yesNo.IsOpen(model, audience, read.OpenSource),
            _ => queries.Card(model, audience),
        };
        return found.Partial
            ? answer with
            {
                Notes = [$"'{found.Query}' matches only {model.Name} in the knowledge base.", .. answer.Notes],
            }
            : answer;
    }

    /// <summary>Developer names as a question may say them ("meta", "xai", "alibaba"), once per snapshot.</summary>
    private IReadOnlyDictionary<string, string> Developers() =>
        store.Snapshot.Derived(
            "developers",
            s =>
            {
                var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var developer in s.AllModels.Select(m => m.Developer).Distinct())
                {
                    var plain = developer.Split('(')[0].Trim();
                    foreach (var key in new[] { developer, plain, plain.Split(' ')[0] }.Select(Names.Key))
                        if (key.Length > 1)
                            byKey.TryAdd(key, developer);
                }
                return (IReadOnlyDictionary<string, string>)byKey;
            }
        );

    private static Answer Unclear(QuestionReading read)
    {
        var unplaced =
            read.Unplaced.Count == 0 ? ""
            : $" '{string.Join(" ", read.Unplaced)}' is not in the knowledge base.";
        var text = $"I read \"{read.Text}\" as {read.Understood()}, but found no model name I know in it.{unplaced}";
        return Answers.Answer.Message(
            AnswerKind.Usage,
            "I couldn't tell which model you mean",
            text,
            "Name the model as it is usually written (e.g. grok-1, llama 3.1 405b), or use a command: "
                + "`params <model>`, `license <model>`, `release <model>`, `compare <a> <b>`, `models` to list them."
        ) with
        {
            Lead = new LeadLine("I couldn't tell which model you mean", [text]),
        };
    }
}
