using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrokFactsBot.Discord.Interactions;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

public enum OptionType
{
    Subcommand = 1,
    SubcommandGroup = 2,
    String = 3,
}

/// <summary>
/// The parts of Discord's interaction object a slash-command bot reads; the same shape arrives over HTTP and the
/// Gateway.
/// </summary>
public sealed record Interaction(
    string Id,
    string ApplicationId,
    InteractionType Type,
    string Token,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    InteractionMember? Member = null,
    DiscordUser? User = null,
    InteractionMessage? Message = null
);

/// <summary>
/// A command's name and options, or for a button (a component interaction, which has no name) its custom_id.
/// </summary>
public sealed record InteractionData(
    string Name = "",
    IReadOnlyList<InteractionOption>? Options = null,
    string? CustomId = null,
    int? ComponentType = null
);

/// <summary>The message a clicked button sits on; its flags say whether only the clicker sees it.</summary>
public sealed record InteractionMessage(string Id, int? Flags = null)
{
    public bool IsEphemeral => ((Flags ?? 0) & MessagePayload.Ephemeral) != 0;
}

public sealed record InteractionOption(
    string Name,
    int Type,
    JsonElement? Value = null,
    IReadOnlyList<InteractionOption>? Options = null,
    bool? Focused = null
)
{
    /// <summary>
    /// Strings arrive as strings, numbers and booleans as JSON literals; the shared commands take text. Null also
    /// for a string that is not valid text (see <see cref="IsUnreadable"/>).
    /// </summary>
    [JsonIgnore]
    public string? Text => TryReadText(out var text) ? text : null;

    /// <summary>
    /// JSON may carry half a surrogate pair ("\ud800"), which is no character at all: bad input to answer, not a crash.
    /// </summary>
    [JsonIgnore]
    public bool IsUnreadable => !TryReadText(out _);

    private bool TryReadText(out string? text)
    {
        try
        {
            text = Value switch
            {
                { ValueKind: JsonValueKind.String } v => v.GetString(),
                { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
                { } v => v.GetRawText(),
                null => null,
            };
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}

/// <summary>
/// <c>permissions</c> is the member's total in the channel, overwrites included, as a decimal string.
/// </summary>
public sealed record InteractionMember(DiscordUser? User, string? Permissions = null, string? Nick = null);

public sealed record DiscordUser(string Id, string? Username = null, string? GlobalName = null);

/// <summary>Discord's JSON: snake_case names, nulls left out, enums as numbers.</summary>
public static class DiscordJson
{
    /// <summary>Knows only the shapes in <see cref="DiscordJsonContext"/>: the native binary has no other.</summary>
    public static JsonSerializerOptions Options => DiscordJsonContext.Default.Options;
}
