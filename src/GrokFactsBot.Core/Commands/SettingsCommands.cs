using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Commands;

/// <summary><c>settings visibility private|public</c>: a server admin sets who sees answers by default.</summary>
public sealed class SettingsCommands(VisibilitySettings settings, TimeProvider time) : ICommandHandler
{
    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new(
            "settings",
            "Server settings for the bot",
            [],
            Permission.ServerAdmin,
            [
                new(
                    "visibility",
                    "Whether answers are posted in the channel (public) or shown only to the asker (private)",
                    [new("default", "public or private")],
                    Permission.ServerAdmin
                ),
            ]
        ),
    ];

    public Answer Handle(CommandRequest request)
    {
        var scope = request.Caller.Scope;
        if (scope is null)
            return Answer.Message(
                AnswerKind.Usage,
                "Run this in a server",
                "The default visibility belongs to a server or workspace; here only you see answers anyway."
            );
        var value = request.Arg("default")?.ToLowerInvariant();
        if (value is not ("public" or "private"))
            return Answer.Message(
                AnswerKind.Usage,
                "public or private?",
                $"'{request.Arg("default")}' is not a visibility. Usage: `settings visibility private` or `settings visibility public`."
            );
        var visibility = value == "public" ? Visibility.Public : Visibility.Private;
        settings.SetDefault(scope, visibility, request.Caller.QualifiedId, time.GetUtcNow());
        return Answer.Message(
            AnswerKind.Done,
            "Visibility set",
            visibility == Visibility.Public
                ? "Answers to questions are now posted in the channel. Anyone can still ask with `private` to see one alone."
                : "Answers to questions are now shown only to the person who asked. Anyone can still ask with `public` to post one in the channel.",
            "Errors, usage hints and help are always private."
        );
    }
}
