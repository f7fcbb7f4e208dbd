using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Asking;

namespace GrokFactsBot.Core.Commands;

/// <summary>The read-only commands everyone may run.</summary>
public sealed class QueryCommands(
    KnowledgeQueries queries,
    ModelComparison comparison,
    QuestionAnswerer questions
) : ICommandHandler
{
    private static CommandOption ModelOption(string name = "model", string description = "A model name, e.g. grok-1") =>
        new(name, description, OptionKind.Model, Autocomplete: true, TakesRestOfLine: name == "model");

    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new("model", "Overview card of a model, every fact cited", [ModelOption()]),
        new("params", "Parameter count (total and active) of a model", [ModelOption()]),
        new("context", "Context length of a model", [ModelOption()]),
        new("release", "Announcement, open-weights and API dates of a model", [ModelOption()]),
        new("license", "License and where the weights are", [ModelOption()]),
        new(
            "compare",
            "Compare two models side by side",
            [ModelOption("a", "The first model"), ModelOption("b", "The second model")]
        ),
        new("sources", "Every claim about a model, with its source and claim id", [ModelOption()]),
        new(
            "disputes",
            "Facts the sources disagree on, for one model or all",
            [ModelOption() with { Required = false }]
        ),
        new(
            "models",
            "List the models in the knowledge base",
            [new("developer", "Only this developer, e.g. xAI", Required: false, TakesRestOfLine: true)]
        ),
        new(
            "ask",
            "Ask a question in plain words",
            [new("question", "e.g. how many parameters does grok-1 have?", TakesRestOfLine: true)]
        ),
    ];

    public Answer Handle(CommandRequest request)
    {
        var audience = request.Audience;
        var model = request.Arg("model");
        return request.Command switch
        {
            "model" => queries.Card(model!, audience),
            "params" => queries.Facts(model!, audience, "parameters", KnowledgeQueries.ParameterAttributes),
            "context" => queries.Facts(model!, audience, "context length", KnowledgeQueries.ContextAttributes),
            "release" => queries.Facts(model!, audience, "release", KnowledgeQueries.ReleaseAttributes),
            "license" => queries.Facts(model!, audience, "license", KnowledgeQueries.LicenseAttributes),
            "compare" => comparison.Compare(request.Arg("a")!, request.Arg("b")!, audience),
            "sources" => queries.Sources(model!, audience),
            "disputes" => queries.Disputes(model, audience),
            "models" => queries.Models(request.Arg("developer"), audience),
            "ask" => questions.Answer(request.Arg("question")!, audience),
            _ => throw new InvalidOperationException($"QueryCommands was routed '{request.Command}'"),
        };
    }
}
