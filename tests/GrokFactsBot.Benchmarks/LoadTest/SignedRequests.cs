using System.Globalization;
using System.Text;
using GrokFactsBot.Slack.Http;

namespace GrokFactsBot.Benchmarks.LoadTest;

/// <summary>One request as it goes on the wire: path, body, content type and the signature headers.</summary>
public sealed record SignedRequest(
    string Path,
    byte[] Body,
    string ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers
);

/// <summary>
/// The scenarios the load generator drives. Each builds a small pool of distinct requests (different users and
/// interaction ids), signed once before the clock starts so the generator spends its CPU on HTTP, not on signing.
/// </summary>
public static class SignedRequests
{
    public const int PoolSize = 50;

    public static readonly IReadOnlyDictionary<string, (int ExpectedStatus, string What)> Scenarios = new Dictionary<
        string,
        (int, string)
    >
    {
        ["discord"] = (200, "signed APPLICATION_COMMAND /params grok-1 → embed"),
        ["discord-ping"] = (200, "signed PING → PONG (signature check + JSON only)"),
        ["discord-badsig"] = (401, "APPLICATION_COMMAND with a wrong signature → 401"),
        ["slack"] = (200, "signed /grokfacts params grok-1 → Block Kit"),
        ["slack-badsig"] = (401, "slash command with a wrong signature → 401"),
        ["mixed"] = (200, "Discord and Slack in turn: params, model, license, release, compare, ask, a typo"),
    };

    /// <summary>The mixed scenario's commands: (Discord command, its options as JSON, the same as Slack text).</summary>
    internal static readonly (string Name, string Options, string Text)[] Mixed =
    [
        ("params", """[{"name":"model","type":3,"value":"grok-1"}]""", "params grok-1"),
        ("model", """[{"name":"model","type":3,"value":"llama 3.1 405b"}]""", "model llama 3.1 405b"),
        ("license", """[{"name":"model","type":3,"value":"grok-2"}]""", "license grok-2"),
        ("release", """[{"name":"model","type":3,"value":"deepseek-v3"}]""", "release deepseek-v3"),
        (
            "compare",
            """[{"name":"a","type":3,"value":"deepseek-v3"},{"name":"b","type":3,"value":"llama 3.1 405b"}]""",
            "compare deepseek-v3 llama-3.1-405b"
        ),
        (
            "ask",
            """[{"name":"question","type":3,"value":"how many parameters does grok 1 have?"}]""",
            "how many parameters does grok 1 have?"
        ),
        ("params", """[{"name":"model","type":3,"value":"grk-9"}]""", "params grk-9"),
    ];

    public static IReadOnlyList<SignedRequest> Pool(string scenario, int stubPort)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Enumerable
            .Range(0, PoolSize)
            .Select(i =>
                scenario switch
                {
                    "discord" => Discord(timestamp, CommandInteraction(i), badSignature: false),
                    "discord-ping" => Discord(
                        timestamp,
                        $$"""{"id":"{{2000 + i}}","application_id":"{{LoadCredentials.DiscordApplicationId}}","type":1,"token":"t{{i}}"}""",
                        badSignature: false
                    ),
                    "discord-badsig" => Discord(timestamp, CommandInteraction(i), badSignature: true),
                    "slack" => Slack(timestamp, SlashCommandForm(i, stubPort), badSignature: false),
                    "slack-badsig" => Slack(timestamp, SlashCommandForm(i, stubPort), badSignature: true),
                    "mixed" when i % 2 == 0 => Discord(
                        timestamp,
                        CommandInteraction(i, Mixed[i / 2 % Mixed.Length].Name, Mixed[i / 2 % Mixed.Length].Options),
                        badSignature: false
                    ),
                    "mixed" => Slack(
                        timestamp,
                        SlashCommandForm(i, stubPort, Mixed[i / 2 % Mixed.Length].Text),
                        badSignature: false
                    ),
                    _ => throw new ArgumentException($"unknown scenario {scenario}", nameof(scenario)),
                }
            )
            .ToList();
    }

    private static string CommandInteraction(
        int i,
        string name = "params",
        string options = """[{"name":"model","type":3,"value":"grok-1"}]"""
    ) =>
        $$$"""
            {"id":"{{{1000
                + i}}}","application_id":"{{{LoadCredentials.DiscordApplicationId}}}","type":2,"token":"load-token-{{{i}}}",
             "guild_id":"500","channel_id":"600","member":{"user":{"id":"{{{700
                + i}}}","username":"load{{{i}}}"},"permissions":"0"},
             "data":{"id":"900","name":"{{{name}}}","type":1,"options":{{{options}}}}}
            """;

    private static string SlashCommandForm(int i, int stubPort, string text = "params grok-1") =>
        $"token=unused&team_id=T0LOAD&team_domain=load&channel_id=C0LOAD&channel_name=general&user_id=U{i:D4}&user_name=load{i}"
        + $"&command=%2Fgrokfacts&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString($"http://127.0.0.1:{stubPort}/response")}&trigger_id=1.2.{i}";

    private static SignedRequest Discord(string timestamp, string json, bool badSignature)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var signature = LoadCredentials.SignDiscord(timestamp, body);
        if (badSignature)
            signature = (signature[0] == '0' ? "1" : "0") + signature[1..];
        return new(
            "/discord/interactions",
            body,
            "application/json",
            [new("X-Signature-Ed25519", signature), new("X-Signature-Timestamp", timestamp)]
        );
    }

    private static SignedRequest Slack(string timestamp, string form, bool badSignature)
    {
        var body = Encoding.UTF8.GetBytes(form);
        var signature = SlackSignature.Compute(
            badSignature ? "not-the-secret" : LoadCredentials.SlackSigningSecret,
            timestamp,
            body
        );
        return new(
            "/slack/commands",
            body,
            "application/x-www-form-urlencoded",
            [new("X-Slack-Signature", signature), new("X-Slack-Request-Timestamp", timestamp)]
        );
    }
}
