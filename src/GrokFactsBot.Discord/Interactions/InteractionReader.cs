using System.Numerics;
using GrokFactsBot.Core.Admin;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Discord.Interactions;

/// <summary>
/// The command path and arguments of an interaction: <c>data.name</c> → group → subcommand → arguments.
/// </summary>
public sealed record CommandPath(
    string Command,
    string? Subcommand,
    IReadOnlyDictionary<string, string> Arguments,
    InteractionOption? Focused,
    IReadOnlyList<string>? Unreadable = null
);

/// <summary>Turns Discord's interaction shapes into the shared command model.</summary>
public static class InteractionReader
{
    private const int Administrator = 1 << 3;
    private const int ManageChannels = 1 << 4;
    private const int ManageGuild = 1 << 5;

    public static CommandPath ReadPath(InteractionData data)
    {
        var options = data.Options ?? [];
        var route = new List<string>();
        // Nesting is at most command → group → subcommand; what remains are the arguments.
        while (options is [{ Type: (int)OptionType.Subcommand or (int)OptionType.SubcommandGroup } branch])
        {
            route.Add(branch.Name);
            options = branch.Options ?? [];
        }
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options)
            if (option.Text is { } text)
                arguments[option.Name] = text;
        var subcommand = route.Count == 0 ? null : string.Join(' ', route);
        var unreadable = options.Where(o => o.IsUnreadable).Select(o => o.Name).ToList();
        return new CommandPath(
            data.Name,
            subcommand,
            arguments,
            options.FirstOrDefault(o => o.Focused == true),
            unreadable
        );
    }

    public static Caller ReadCaller(Interaction interaction, AdminOptions admins)
    {
        var user = interaction.Member?.User ?? interaction.User;
        var userId = "discord:" + (user?.Id ?? "unknown");
        var permissions = ParsePermissions(interaction.Member?.Permissions);
        bool Has(int bit) => (permissions & bit) != 0;
        var isAdministrator = Has(Administrator);
        return new Caller(
            Platform.Discord,
            userId,
            interaction.Member?.Nick ?? user?.GlobalName ?? user?.Username ?? "someone",
            ReadScope(interaction),
            interaction.ChannelId,
            admins.IsGlobalAdmin(userId),
            IsServerAdmin: isAdministrator || Has(ManageGuild),
            CanManageChannels: isAdministrator || Has(ManageChannels)
        );
    }

    /// <summary>The server whose local facts the interaction sees: "discord:{guild}", or none in a DM.</summary>
    public static string? ReadScope(Interaction interaction) =>
        interaction.GuildId is { } guild ? "discord:" + guild : null;

    /// <summary>Permissions are a variable-length integer in a string; anything unreadable grants nothing.</summary>
    private static BigInteger ParsePermissions(string? text) =>
        BigInteger.TryParse(text, System.Globalization.NumberStyles.None, null, out var value)
            ? value
            : BigInteger.Zero;
}
