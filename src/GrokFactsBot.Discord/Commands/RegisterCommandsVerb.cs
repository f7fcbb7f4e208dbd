using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Commands;

/// <summary>
/// <c>register-commands [--guild ID]</c>: bulk-overwrites the application's commands (globally, or in one guild,
/// where changes show instantly) with those generated from the shared set, and prints what changed.
/// </summary>
public sealed class RegisterCommandsVerb(CommandRouter router, DiscordRestClient rest, IOptions<DiscordOptions> options)
    : ICliVerb
{
    public string Name => "register-commands";

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        if (!TryReadGuild(args, out var guild))
        {
            await error.WriteLineAsync(
                "usage: register-commands [--guild <server id>]   (without --guild the commands are registered globally)"
            );
            return 2;
        }
        var path = guild is null
            ? $"applications/{options.Value.ApplicationId}/commands"
            : $"applications/{options.Value.ApplicationId}/guilds/{guild}/commands";
        var wanted = CommandManifest.Build(router.Definitions, forGuild: guild is not null);

        var current = await rest.GetAsync(path, cancellationToken);
        if (!current.IsSuccess)
            return await FailAsync(error, "read the current commands", current, guild);
        var existing = current.Read(DiscordJsonContext.Default.ListApplicationCommand) ?? [];

        var written = await rest.SendAsync(HttpMethod.Put, path, wanted, cancellationToken);
        if (!written.IsSuccess)
            return await FailAsync(error, "register the commands", written, guild);

        await output.WriteLineAsync(
            CommandChanges.Describe(existing, wanted, guild is null ? "globally" : $"in server {guild}")
        );
        return 0;
    }

    /// <summary>Stands in for the verb when no Discord settings are present, saying which ones to set.</summary>
    public sealed class Unconfigured : ICliVerb
    {
        public string Name => "register-commands";

        public async Task<int> RunAsync(
            IReadOnlyList<string> args,
            TextWriter output,
            TextWriter error,
            CancellationToken cancellationToken
        )
        {
            await error.WriteLineAsync(
                "Discord is not configured: set Discord__BotToken and Discord__ApplicationId (Developer Portal), then run register-commands again."
            );
            return 1;
        }
    }

    private static bool TryReadGuild(IReadOnlyList<string> args, out string? guild)
    {
        guild = null;
        if (args.Count == 0)
            return true;
        if (args is not ["--guild", var id] || !ulong.TryParse(id, out _))
            return false;
        guild = id;
        return true;
    }

    private static async Task<int> FailAsync(TextWriter error, string action, RestResult result, string? guild)
    {
        var hint = result.Outcome switch
        {
            RestOutcome.Unauthorized =>
                "Discord rejected the bot token: set Discord:BotToken to the current token from the Developer Portal.",
            RestOutcome.Forbidden or RestOutcome.NotFound when guild is not null =>
                $"Discord refused access to server {guild}: is the bot in it, invited with the applications.commands scope?",
            RestOutcome.Forbidden or RestOutcome.NotFound =>
                "Discord refused access: does Discord:ApplicationId belong to this bot token?",
            RestOutcome.BadRequest => "Discord rejected the command definitions: " + result.Body,
            _ => "Discord did not answer in time; try again shortly.",
        };
        await error.WriteLineAsync($"Could not {action}: {result}. {hint}");
        return 1;
    }
}

/// <summary>What a bulk overwrite changes, by command name.</summary>
public static class CommandChanges
{
    public static string Describe(
        IReadOnlyList<ApplicationCommand> before,
        IReadOnlyList<ApplicationCommand> after,
        string where
    )
    {
        var old = before.Where(c => c.Type == 1).ToDictionary(c => c.Name);
        var added = after.Where(c => !old.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        var updated = after
            .Where(c =>
                old.TryGetValue(c.Name, out var o) && CommandManifest.Canonical(o) != CommandManifest.Canonical(c)
            )
            .Select(c => c.Name)
            .ToList();
        var removed = before.Select(c => c.Name).Except(after.Select(c => c.Name)).ToList();
        var unchanged = after.Count - added.Count - updated.Count;
        string List(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Order());
        return $"Registered {after.Count} commands {where}.\n  added: {List(added)}\n  updated: {List(updated)}\n  removed: {List(removed)}\n  unchanged: {unchanged}";
    }
}
