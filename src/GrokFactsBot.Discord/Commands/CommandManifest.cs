using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Commands;

public sealed record ApplicationCommand(
    string Name,
    string Description,
    IReadOnlyList<ApplicationCommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null,
    IReadOnlyList<int>? IntegrationTypes = null,
    int Type = 1
);

public sealed record ApplicationCommandOption(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    bool? Autocomplete = null,
    IReadOnlyList<ApplicationCommandOption>? Options = null
);

/// <summary>
/// Discord's command JSON generated from the shared definitions, so names and options are the same everywhere.
/// Permissions set here only hide commands in Discord's UI; the router re-checks on every call.
/// </summary>
public static partial class CommandManifest
{
    public const int MaxDescription = 100;
    private const string ManageGuild = "32",
        ManageChannels = "16";
    private static readonly int[] AllContexts = [0, 1, 2];
    private static readonly int[] GuildInstall = [0];

    [GeneratedRegex(@"^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$")]
    private static partial Regex ValidName();

    public static IReadOnlyList<ApplicationCommand> Build(IEnumerable<CommandDefinition> definitions, bool forGuild) =>
        definitions
            .Select(d => new ApplicationCommand(
                Name(d.Name),
                Description(d.Description),
                d.Subcommands is { Count: > 0 } subs ? subs.Select(Subcommand).ToList()
                : VisibilityRule.IsQuestion(d) ? Options([.. d.Options, VisibilityRule.Option])
                : Options(d.Options),
                PermissionsFor(d),
                forGuild ? null : AllContexts, // contexts and integration types apply to global commands only
                forGuild ? null : GuildInstall
            ))
            .ToList();

    private static ApplicationCommandOption Subcommand(CommandDefinition sub) =>
        new((int)OptionType.Subcommand, Name(sub.Name), Description(sub.Description), Options: Options(sub.Options));

    /// <summary>Discord requires required options before optional ones.</summary>
    private static List<ApplicationCommandOption>? Options(IReadOnlyList<CommandOption> options) =>
        options.Count == 0
            ? null
            : options
                .OrderByDescending(o => o.Required)
                .Select(o => new ApplicationCommandOption(
                    o.Kind switch
                    {
                        OptionKind.Integer => 4,
                        OptionKind.Boolean => 5,
                        _ => (int)OptionType.String,
                    },
                    Name(o.Name),
                    Description(o.Description),
                    o.Required ? true : null,
                    o.Autocomplete ? true : null
                ))
                .ToList();

    /// <summary>The least a member needs to see the command (or any of its subcommands).</summary>
    public static string? PermissionsFor(CommandDefinition definition)
    {
        var permissions = (definition.Subcommands ?? [])
            .Select(s => s.Permission)
            .DefaultIfEmpty(definition.Permission)
            .Append(definition.Permission)
            .ToList();
        if (definition.Subcommands is { Count: > 0 })
            permissions.Remove(definition.Permission);
        return permissions.Min() switch
        {
            Permission.Everyone => null,
            Permission.ManageChannels => ManageChannels,
            _ => ManageGuild, // a global bot admin is checked by the router; hide it from ordinary members at least
        };
    }

    public static string Name(string name)
    {
        var lower = name.ToLowerInvariant();
        return ValidName().IsMatch(lower)
            ? lower
            : throw new ArgumentException(
                $"'{name}' is not a valid Discord command or option name (1–32 lowercase letters, digits, - or _)."
            );
    }

    private static string Description(string text) =>
        string.IsNullOrWhiteSpace(text) ? "-"
        : text.Length <= MaxDescription ? text
        : text[..(MaxDescription - 1)] + "…";

    /// <summary>
    /// Two commands are the same when the fields we set match, whatever else Discord adds (ids, versions).
    /// </summary>
    public static string Canonical(ApplicationCommand command) =>
        JsonSerializer.Serialize(
            command with
            {
                Contexts = command.Contexts?.Order().ToList(),
                IntegrationTypes = command.IntegrationTypes?.Order().ToList(),
            },
            DiscordJsonContext.Default.ApplicationCommand
        );
}
