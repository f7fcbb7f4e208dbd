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
/// One feature's commands, found through DI; each returns an answer, never throws for user error. A feature whose
/// definitions all carry their <see cref="CommandDefinition.Handler"/> need not implement <see cref="Handle"/>.
/// </summary>
public interface ICommandHandler
{
    IReadOnlyList<CommandDefinition> Definitions { get; }

    Answers.Answer Handle(CommandRequest request) =>
        throw new InvalidOperationException($"'{request.Command}' has no handler of its own");
}
