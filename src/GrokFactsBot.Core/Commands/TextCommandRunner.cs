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

    /// <summary>
    /// The answer and the command that gave it (after aliases; "ask" for a question; null when none ran). A first
    /// word one or two letters from a command's name is answered with "did you mean", not as a question.
    /// </summary>
    public (Answer Answer, string? Command) RunCommand(string text, Caller caller)
    {
        if (Read(text, caller) is not { } request)
            return (TooLong(text.Trim()), null);
        if (request.Command == "ask" && CommandTypos.Suggest(text.Trim(), router.Definitions) is { } typo)
            return (typo, null);
        return (router.Handle(request), request.Command);
    }

    /// <summary>
    /// The permission the line's command needs, so a front end that must ask its platform for roles (Slack) asks
    /// only for the commands that need one.
    /// </summary>
    public Permission PermissionFor(string text, Caller caller) =>
        Read(text, caller) is { } request ? router.PermissionFor(request) : Permission.Everyone;

    /// <summary>The request the line stands for; null when it is too long to read.</summary>
    private CommandRequest? Read(string text, Caller caller)
    {
        var line = text.Trim();
        if (line.Length == 0)
            return new CommandRequest("help", null, new Dictionary<string, string>(), caller);
        if (line.Length > MaxLength)
            return null;
        foreach (var alias in _aliases)
            if (alias.TryApply(line, out var rewritten))
            {
                line = rewritten;
                break;
            }
        // "ask" shows a bare model name as its card, so everything that is not a command is a question.
        return parser.Parse(line, caller)
            ?? new CommandRequest("ask", null, new Dictionary<string, string> { ["question"] = line }, caller);
    }

    private static Answer TooLong(string line) =>
        Answer.Message(
            AnswerKind.Usage,
            "Too long",
            $"That is {line.Length} characters; please keep it under {MaxLength}."
        );
}
