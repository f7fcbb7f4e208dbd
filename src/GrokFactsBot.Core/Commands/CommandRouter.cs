using System.Diagnostics;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Core.Commands;

/// <summary>
/// The one place every front end sends a parsed command: finds its handler, checks permission, and turns an
/// unexpected exception into a friendly answer (and a log line) so no user is ever left without a reply.
/// </summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, (CommandDefinition Definition, ICommandHandler Handler)> _commands;
    private readonly ILogger<CommandRouter> _logger;
    private readonly BotMetrics? _metrics;

    public CommandRouter(
        IEnumerable<ICommandHandler> handlers,
        ILogger<CommandRouter> logger,
        BotMetrics? metrics = null
    )
    {
        _logger = logger;
        _metrics = metrics;
        _commands = handlers
            .SelectMany(h => h.Definitions.Select(d => (d, h)))
            .ToDictionary(x => x.d.Name, x => (x.d, x.h), StringComparer.OrdinalIgnoreCase);
    }

    public static readonly CommandDefinition HelpDefinition = new("help", "What the bot can do and how to ask", []);

    public IReadOnlyList<CommandDefinition> Definitions =>
        _commands.Values.Select(c => c.Definition).Append(HelpDefinition).ToList();

    public CommandDefinition? Find(string name) =>
        _commands.TryGetValue(name, out var c) ? c.Definition
        : name.Equals("help", StringComparison.OrdinalIgnoreCase) ? HelpDefinition
        : null;

    /// <summary>Answers one command and records it (platform, command, outcome and latency) for /metrics.</summary>
    public Answer Handle(CommandRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = Route(request);
        if (_metrics is not null)
        {
            // Unknown names are folded into one tag value so user typing cannot grow the metric's series without bound.
            var command =
                _commands.ContainsKey(request.Command)
                || request.Command.Equals("help", StringComparison.OrdinalIgnoreCase)
                    ? request.Command.ToLowerInvariant()
                    : "unknown";
            _metrics.Answered(
                request.Caller.Platform,
                command,
                answer.Kind.ToString(),
                Stopwatch.GetElapsedTime(started)
            );
        }
        return answer;
    }

    /// <summary>
    /// What the request needs before it runs: its subcommand's permission, else its command's; anyone may get help,
    /// an unknown command's hint or a "which one?" usage answer.
    /// </summary>
    public Permission PermissionFor(CommandRequest request)
    {
        if (!_commands.TryGetValue(request.Command, out var command))
            return Permission.Everyone;
        if (command.Definition.Subcommands is not { Count: > 0 } subs)
            return command.Definition.Permission;
        return subs.FirstOrDefault(s => s.Name.Equals(request.Subcommand, StringComparison.OrdinalIgnoreCase))
                ?.Permission
            ?? Permission.Everyone;
    }

    private Answer Route(CommandRequest request)
    {
        if (request.Command.Equals("help", StringComparison.OrdinalIgnoreCase))
            return Help(request.Caller);
        if (!_commands.TryGetValue(request.Command, out var command))
            return Answer.Message(
                AnswerKind.Usage,
                "Unknown command",
                $"There is no command '{request.Command}'. Try `help`."
            );

        var definition = command.Definition;
        if (definition.Subcommands is { Count: > 0 } subs)
        {
            definition = subs.FirstOrDefault(s =>
                s.Name.Equals(request.Subcommand, StringComparison.OrdinalIgnoreCase)
            )!;
            if (definition is null)
                return Answer.Message(
                    AnswerKind.Usage,
                    $"{command.Definition.Name}: which one?",
                    $"Use one of: {string.Join(", ", subs.Select(s => s.Name))}.",
                    command.Definition.Usage
                );
        }
        if (!request.Caller.Has(definition.Permission))
            return Answer.Message(
                AnswerKind.Refused,
                "Not allowed",
                $"`{command.Definition.Name}{(request.Subcommand is null ? "" : " " + request.Subcommand)}` needs {Describe(definition.Permission, request.Caller.Platform)}."
            );
        var missing = definition
            .Options.Where(o => o.Required && request.Arg(o.Name) is null)
            .Select(o => o.Name)
            .ToList();
        if (missing.Count > 0)
            return Answer.Message(
                AnswerKind.Usage,
                "Missing " + string.Join(", ", missing),
                $"Usage: `{(definition == command.Definition ? definition.Usage : $"{command.Definition.Name} {definition.Usage}")}`"
            );

        try
        {
            return (definition.Handler ?? command.Handler.Handle)(request);
        }
        catch (StorageUnavailableException e)
        {
            return Answer.Message(
                AnswerKind.Refused,
                "Could not save",
                $"{e.Message}: nothing was changed. Answers still work; try again once the operator has freed space."
            );
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Command {Command} {Subcommand} failed", request.Command, request.Subcommand);
            return Answer.Message(
                AnswerKind.Refused,
                "Something went wrong",
                "That command failed on our side and has been logged. Please try again in a moment."
            );
        }
    }

    private Answer Help(Caller caller)
    {
        // A command with subcommands shows one line per subcommand the caller may run.
        var lines = Definitions
            .SelectMany(d =>
                d.Subcommands is { Count: > 0 } subs
                    ? subs.Where(s => caller.Has(s.Permission))
                        .Select(s => new FactLine(
                            $"{d.Name} {s.Usage}",
                            s.Description,
                            Domain.Confidence.Confirmed,
                            []
                        ))
                : caller.Has(d.Permission) ? [new FactLine(d.Usage, d.Description, Domain.Confidence.Confirmed, [])]
                : []
            )
            .ToList();
        return new Answer(
            AnswerKind.Help,
            "GrokFactsBot",
            "Sourced facts about AI model releases. Every answer cites its sources and shows where they disagree.",
            lines,
            [],
            [
                "Model names are forgiving: grok1, Grok 1 and grk-1 all work.",
                "Or just ask: how many parameters does grok-1 have?",
            ]
        );
    }

    private static string Describe(Permission permission, Platform platform) =>
        permission switch
        {
            Permission.ManageChannels => platform == Platform.Discord
                ? "the Manage Channels permission"
                : "channel management rights",
            Permission.ServerAdmin => platform switch
            {
                Platform.Discord => "the Manage Server (or Administrator) permission",
                Platform.Slack => "a workspace admin or owner",
                _ => "a server admin",
            },
            _ => "a global bot admin (setting Admins:Users)",
        };
}
