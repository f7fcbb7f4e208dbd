using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrokFactsBot.Discord.Gateway;

public enum GatewayOp
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

/// <summary>The Gateway envelope {op, d, s, t}; <c>s</c> and <c>t</c> are set only on dispatches.</summary>
public sealed record GatewayPayload(GatewayOp Op, JsonElement D, long? S, string? T)
{
    public static GatewayPayload? Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("op", out var op) || !op.TryGetInt32(out var code))
            return null;
        var d = root.TryGetProperty("d", out var data) ? data.Clone() : default;
        long? s =
            root.TryGetProperty("s", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : null;
        var t =
            root.TryGetProperty("t", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        return new GatewayPayload((GatewayOp)code, d, s, t);
    }

    public static string Heartbeat(long? seq) =>
        new JsonObject { ["op"] = (int)GatewayOp.Heartbeat, ["d"] = seq }.ToJsonString();

    /// <summary>
    /// Intents 0: INTERACTION_CREATE belongs to no intent, and a slash-command bot needs nothing else. The shard is
    /// always named, [0, 1] for a bot of one shard.
    /// </summary>
    public static string Identify(ShardIdentity identity) =>
        new JsonObject
        {
            ["op"] = (int)GatewayOp.Identify,
            ["d"] = new JsonObject
            {
                ["token"] = identity.Token,
                ["intents"] = 0,
                ["shard"] = new JsonArray(identity.ShardId, identity.TotalShards),
                ["properties"] = new JsonObject
                {
                    ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(),
                    ["browser"] = "grokfactsbot",
                    ["device"] = "grokfactsbot",
                },
            },
        }.ToJsonString();

    public static string Resume(string token, string sessionId, long? seq) =>
        new JsonObject
        {
            ["op"] = (int)GatewayOp.Resume,
            ["d"] = new JsonObject
            {
                ["token"] = token,
                ["session_id"] = sessionId,
                ["seq"] = seq,
            },
        }.ToJsonString();
}

/// <summary>How one connection ended, and so what the next one does.</summary>
public enum GatewayEnd
{
    Resume,
    Identify,
    Fatal,
    Stopping,

    /// <summary>Close 4011: the bot has more guilds than its shard count allows.</summary>
    ShardingRequired,
}

/// <summary>
/// What a shard's connections need to open a session: the token, which shard of how many, and a wait for the
/// shard's turn to identify (see <see cref="IdentifySchedule"/>).
/// </summary>
public sealed record ShardIdentity(
    string Token,
    int ShardId,
    int TotalShards,
    Func<CancellationToken, Task> WaitForTurnAsync
);

/// <summary>What a resume needs; kept across connections, dropped when Discord says the session is gone.</summary>
public sealed record GatewaySession(string SessionId, string ResumeUrl);

public static class GatewayCloseCodes
{
    /// <summary>Not fatal by itself: a bot that follows Discord's recommended shard count reshards.</summary>
    public const int ShardingRequired = 4011;

    /// <summary>Codes that mean our configuration is wrong: reconnecting would fail the same way forever.</summary>
    public static string? FatalReason(int code) =>
        code switch
        {
            4004 =>
                "Discord rejected the bot token (close 4004). Set Discord:BotToken to the current token from the Developer Portal (Bot → Reset Token).",
            4010 =>
                "Discord says the shard is invalid (close 4010): check Discord:Shards (first-last/total, the same total in every process of the bot).",
            4012 => "Discord rejected the Gateway API version (close 4012).",
            4013 => "Discord rejected the intents (close 4013).",
            4014 =>
                "Discord refused a privileged intent (close 4014); enable it in the Developer Portal or don't request it.",
            _ => null,
        };

    /// <summary>Invalid sequence and session timeout need a fresh session, not a resume.</summary>
    public static bool NeedsNewSession(int code) => code is 4007 or 4009;
}
