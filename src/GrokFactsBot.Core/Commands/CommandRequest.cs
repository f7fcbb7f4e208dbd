using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.Commands;

/// <summary>A parsed command: its name, optional subcommand, named arguments, and who asked.</summary>
public sealed record CommandRequest(
    string Command,
    string? Subcommand,
    IReadOnlyDictionary<string, string> Arguments,
    Caller Caller
)
{
    public Audience Audience => new(Caller.Scope);

    public string? Arg(string name) =>
        Arguments.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// One feature's commands. Handlers are found by name through DI; each returns an answer, never throws for user error.
/// </summary>
public interface ICommandHandler
{
    IReadOnlyList<CommandDefinition> Definitions { get; }

    Answers.Answer Handle(CommandRequest request);
}
