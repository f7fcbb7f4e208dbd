using System.Text;
using System.Text.Json.Nodes;

namespace GrokFactsBot.Testing.Discord;

/// <summary>
/// Who runs a command in a guild, as Discord describes the member: ids and the permission bits as a decimal string.
/// </summary>
public sealed record GuildMember(string GuildId, string ChannelId, string UserId, long Permissions = 0)
{
    public const long ManageChannels = 1 << 4;
    public const long ManageGuild = 1 << 5;
}

/// <summary>
/// An APPLICATION_COMMAND interaction (type 2) as Discord POSTs it to the interactions endpoint: a chat-input command,
/// optionally one subcommand, string options; signed with Ed25519 over timestamp + body.
/// </summary>
public static class DiscordInteraction
{
    public const string Path = "/discord/interactions";

    public static string Command(
        GuildMember member,
        string name,
        string? subcommand,
        params (string Name, string Value)[] options
    )
    {
        var arguments = new JsonArray([
            .. options.Select(o =>
                (JsonNode)
                    new JsonObject
                    {
                        ["name"] = o.Name,
                        ["type"] = 3,
                        ["value"] = o.Value,
                    }
            ),
        ]);
        var topOptions = subcommand is null
            ? arguments
            : new JsonArray(
                new JsonObject
                {
                    ["name"] = subcommand,
                    ["type"] = 1,
                    ["options"] = arguments,
                }
            );
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["application_id"] = "111222333",
            ["type"] = 2,
            ["token"] = "tok-" + Guid.NewGuid().ToString("N"),
            ["version"] = 1,
            ["guild_id"] = member.GuildId,
            ["channel_id"] = member.ChannelId,
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = member.UserId, ["username"] = "user" + member.UserId },
                ["permissions"] = member.Permissions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ["data"] = new JsonObject
            {
                ["id"] = "1",
                ["name"] = name,
                ["type"] = 1,
                ["options"] = topOptions,
            },
        }.ToJsonString();
    }

    /// <summary>
    /// A MESSAGE_COMPONENT interaction (type 3): a button with <paramref name="customId"/> clicked on a message,
    /// ephemeral or not.
    /// </summary>
    public static string Click(GuildMember member, string customId, bool onEphemeral = false) =>
        new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["application_id"] = "111222333",
            ["type"] = 3,
            ["token"] = "tok-" + Guid.NewGuid().ToString("N"),
            ["version"] = 1,
            ["guild_id"] = member.GuildId,
            ["channel_id"] = member.ChannelId,
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = member.UserId, ["username"] = "user" + member.UserId },
                ["permissions"] = member.Permissions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ["message"] = new JsonObject { ["id"] = "5000", ["flags"] = onEphemeral ? 64 : 0 },
            ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
        }.ToJsonString();

    /// <summary>The buttons of a message payload, by label: their custom_ids.</summary>
    public static IReadOnlyDictionary<string, string> Buttons(JsonNode message) =>
        (message["components"]?.AsArray() ?? [])
            .SelectMany(row => row!["components"]!.AsArray())
            .Where(b => b!["disabled"]?.GetValue<bool>() != true)
            .ToDictionary(b => (string)b!["label"]!, b => (string)b!["custom_id"]!);

    public static HttpRequestMessage Signed(Signer signer, string json, string? timestamp = null)
    {
        timestamp ??= DateTimeOffset
            .UtcNow.ToUnixTimeSeconds()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Signature-Ed25519", signer.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}
