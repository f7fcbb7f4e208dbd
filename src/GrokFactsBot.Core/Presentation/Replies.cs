using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Presentation;

/// <summary>
/// An answer with who sees it and how to draw it; <see cref="Rerun"/> is the command line that gives it again, for
/// the buttons that turn its pages.
/// </summary>
public sealed record Reply(Answer Answer, Visibility Visibility, RenderOptions Render, string? Rerun = null)
{
    public bool IsPrivate => Visibility == Visibility.Private;
}

/// <summary>
/// Every front end's way from a request to a reply: runs the command and applies the visibility rule and the view
/// rule (a question gets its digest; admin chores, "full" and buttons get the whole answer; claim ids for admins).
/// </summary>
public sealed class Replies(
    TextCommandRunner runner,
    CommandLineParser parser,
    CommandRouter router,
    VisibilitySettings settings
)
{
    /// <summary>A line of text (the console, Slack's one command): trailing private, public and full apply.</summary>
    public Reply ToText(string text, Caller caller)
    {
        var words = TrailingWords.Split(text);
        var (answer, command) = runner.RunCommand(words.Text, caller);
        return Shape(answer, command, caller, words.Requested, words.Full) with { Rerun = words.Text };
    }

    /// <summary>A slash command with its options parsed (Discord), and the visibility the asker chose if any.</summary>
    public Reply ToCommand(CommandRequest request, Visibility? requested) =>
        Shape(router.Handle(request), request.Command, request.Caller, requested, full: false) with
        {
            Rerun = CommandLine(request),
        };

    /// <summary>A parsed request as the text line that means the same: "models developer:\"xAI\"".</summary>
    public static string CommandLine(CommandRequest request) =>
        string.Join(
            ' ',
            request
                .Arguments.Where(a => a.Value.Length > 0)
                .Select(a => $"{a.Key}:\"{a.Value.Replace("\"", "", StringComparison.Ordinal)}\"")
                .Prepend(request.Subcommand ?? "")
                .Prepend(request.Command)
                .Where(part => part.Length > 0)
        );

    /// <summary>
    /// What a button opens, for the person who clicked only: the full view of a read command's answer. Anything
    /// that is not a read command is refused before it runs.
    /// </summary>
    public Reply ToButton(string command, int page, Caller caller)
    {
        var request = parser.Parse(command, caller);
        var answer =
            request is not null && (IsQuestion(request.Command) || IsHelp(request.Command))
                ? router.Handle(request)
                : Answer.Message(AnswerKind.Refused, "Not a button", "That button does not open an answer.");
        return new Reply(answer, Visibility.Private, Options(caller, AnswerView.Full, page), command);
    }

    /// <summary>Who will see the answer to a command that is still being worked out.</summary>
    public Visibility Predict(string command, Caller caller, Visibility? requested) =>
        VisibilityRule.Predict(IsQuestion(command), requested, settings.DefaultFor(caller.Scope));

    private Reply Shape(Answer answer, string? command, Caller caller, Visibility? requested, bool full)
    {
        var question = command is not null && IsQuestion(command);
        var visibility = VisibilityRule.Decide(answer, question, requested, settings.DefaultFor(caller.Scope));
        return new Reply(answer, visibility, Options(caller, question && !full ? AnswerView.Default : AnswerView.Full, 0));
    }

    private bool IsQuestion(string command) => VisibilityRule.IsQuestion(router.Find(command));

    private static bool IsHelp(string command) => command.Equals("help", StringComparison.OrdinalIgnoreCase);

    private static RenderOptions Options(Caller caller, AnswerView view, int page) =>
        new(view, page, ShowClaimIds: caller.IsServerAdmin || caller.IsGlobalAdmin);
}
