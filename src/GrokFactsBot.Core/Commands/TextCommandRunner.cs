using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Commands;

/// <summary>
/// Answers a line of free text the way a text front end should (the console, Slack's one slash command): a command
/// if it starts with one, a model card if it is just a model's name, otherwise a question.
/// </summary>
public sealed class TextCommandRunner(
    CommandLineParser parser,
    CommandRouter router,
    IEnumerable<TextAlias>? aliases = null
)
{
    private readonly TextAlias[] _aliases = aliases?.ToArray() ?? [];

    public const int MaxLength = 2000;

    public Answer Run(string text, Caller caller) => RunCommand(text, caller).Answer;

    /// <summary>The answer and the command that gave it (after aliases; "ask" for a question, null if none ran).</summary>
    public (Answer Answer, string? Command) RunCommand(string text, Caller caller)
    {
        var line = text.Trim();
        if (line.Length == 0)
            return (router.Handle(new CommandRequest("help", null, new Dictionary<string, string>(), caller)), "help");
        if (line.Length > MaxLength)
            return (
                Answer.Message(
                    AnswerKind.Usage,
                    "Too long",
                    $"That is {line.Length} characters; please keep it under {MaxLength}."
                ),
                null
            );
        foreach (var alias in _aliases)
            if (alias.TryApply(line, out var rewritten))
            {
                line = rewritten;
                break;
            }
        if (parser.Parse(line, caller) is { } request)
            return (router.Handle(request), request.Command);
        if (CommandTypos.Suggest(line, router.Definitions) is { } typo)
            return (typo, null);
        // "ask" shows a bare model name as its card, so everything that is not a command is a question.
        return (
            router.Handle(
                new CommandRequest("ask", null, new Dictionary<string, string> { ["question"] = line }, caller)
            ),
            "ask"
        );
    }
}
