using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Asking;

namespace GrokFactsBot.Core.Commands;

/// <summary>
/// The read-only commands everyone may run, each definition with its handler; the per-topic ones (params, context,
/// release, license) come from the topic table.
/// </summary>
public sealed class QueryCommands(KnowledgeQueries queries, ModelComparison comparison, QuestionAnswerer questions)
    : ICommandHandler
{
    /// <summary>Topics that have a command of their own (who made a model is asked, not commanded).</summary>
    private static readonly Topic[] Commanded = [Topics.Params, Topics.Context, Topics.Release, Topics.License];

    private static CommandOption ModelOption(string name = "model", string description = "A model name, e.g. grok-1") =>
        new(name, description, OptionKind.Model, Autocomplete: true, TakesRestOfLine: name == "model");

    public IReadOnlyList<CommandDefinition> Definitions =>
        _definitions ??=
        [
            new("model", "Overview card of a model, every fact cited", [ModelOption()])
            {
                Handler = r => WithModel(r, "model", queries.Card),
            },
            .. Commanded.Select(topic => new CommandDefinition(topic.Name, topic.Description, [ModelOption()])
            {
                Handler = r => WithModel(r, "model", (model, audience) => queries.Facts(model, audience, [topic])),
            }),
            new(
                "compare",
                "Compare two models side by side",
                [ModelOption("a", "The first model"), ModelOption("b", "The second model")]
            )
            {
                Handler = r =>
                {
                    var (b, audience) = AsOf.Split(r.Arg("b"), r.Audience, queries.Today);
                    return comparison.Compare(r.Arg("a")!, b ?? "", audience);
                },
            },
            new("sources", "Every claim about a model, with its source and claim id", [ModelOption()])
            {
                Handler = r => WithModel(r, "model", queries.Sources),
            },
            new(
                "disputes",
                "Facts the sources disagree on, for one model or all",
                [ModelOption() with { Required = false }]
            )
            {
                Handler = r =>
                {
                    var (name, audience) = AsOf.Split(r.Arg("model"), r.Audience, queries.Today);
                    return queries.Disputes(name, audience);
                },
            },
            new(
                "models",
                "List the models in the knowledge base",
                [new("developer", "Only this developer, e.g. xAI", Required: false, TakesRestOfLine: true)]
            )
            {
                Handler = r => queries.Models(r.Arg("developer"), r.Audience),
            },
            new(
                "ask",
                "Ask a question in plain words",
                [new("question", "e.g. how many parameters does grok-1 have?", TakesRestOfLine: true)]
            )
            {
                Handler = r => questions.Answer(r.Arg("question")!, r.Audience),
            },
        ];

    private IReadOnlyList<CommandDefinition>? _definitions;

    /// <summary>Reads "&lt;model&gt; [as of &lt;date&gt;]" and answers for that model as the base stood then.</summary>
    private Answer WithModel(
        CommandRequest request,
        string option,
        Func<Domain.Model, Resolution.Audience, Answer> answer
    )
    {
        var (name, audience) = AsOf.Split(request.Arg(option), request.Audience, queries.Today);
        if (name is null)
            return Answer.Message(
                AnswerKind.Usage,
                $"Missing {option}",
                $"Name a model before \"as of\", e.g. `{request.Command} grok-1 as of 2026-06-30`."
            );
        // Resolved once: the answer is given the model, so a name (and a typo's suggestions) is not worked out again.
        return queries.Resolve(name, audience) switch
        {
            Resolution.Resolution.Found found => answer(found.Model, audience),
            // "params and context of grok-1" is a question that happens to start with a command's name.
            Resolution.Resolution.NotFound when questions.NamesAModel(name, audience) => questions.Answer(
                $"{request.Command} {request.Arg(option)}",
                request.Audience
            ),
            var other => KnowledgeQueries.NotFound(other),
        };
    }
}
