namespace GrokFactsBot.Core.Commands;

public enum OptionKind
{
    Model,
    Text,
    Integer,
    Boolean,
}

/// <summary>
/// Who may run a command. Front ends map this to their own permission model and re-check on every call.
/// </summary>
public enum Permission
{
    Everyone,
    ManageChannels,
    ServerAdmin,
    GlobalAdmin,
}

public sealed record CommandOption(
    string Name,
    string Description,
    OptionKind Kind = OptionKind.Text,
    bool Required = true,
    bool Autocomplete = false,
    bool TakesRestOfLine = false
);

/// <summary>
/// One command of the shared set; Discord, Slack and the console all derive theirs from this. A definition that
/// carries its <see cref="Handler"/> is answered by it directly; others go to the feature's
/// <see cref="ICommandHandler.Handle"/>.
/// </summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<CommandOption> Options,
    Permission Permission = Permission.Everyone,
    IReadOnlyList<CommandDefinition>? Subcommands = null
)
{
    /// <summary>What answers this command (or subcommand), once the router has checked permission and arguments.</summary>
    public Func<CommandRequest, Answers.Answer>? Handler { get; init; }

    public string Usage =>
        Subcommands is { Count: > 0 }
            ? string.Join("\n", Subcommands.Select(s => $"{Name} {s.Usage}"))
            : string.Join(
                ' ',
                Options
                    .Prepend(new CommandOption(Name, ""))
                    .Select(
                        (o, i) =>
                            i == 0 ? o.Name
                            : o.Required ? $"<{o.Name}>"
                            : $"[{o.Name}]"
                    )
            );
}
