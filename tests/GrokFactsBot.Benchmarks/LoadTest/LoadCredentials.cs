using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace GrokFactsBot.Benchmarks.LoadTest;

/// <summary>
/// The load test's own credentials, derived from fixed labels so the bot can be started with the matching public key
/// and signing secret before the generator runs. They sign requests to a bot on loopback and nothing else.
/// </summary>
public static class LoadCredentials
{
    public const string SlackSigningSecret = "grokfacts-load-test-signing-secret";
    public const string SlackBotToken = "xoxb-load-test";
    public const string DiscordBotToken = "load-test-token";
    public const string DiscordApplicationId = "100000000000000001";

    private static readonly Key DiscordKey = Key.Import(
        SignatureAlgorithm.Ed25519,
        SHA256.HashData(Encoding.UTF8.GetBytes("grokfacts load test ed25519 seed")),
        KeyBlobFormat.RawPrivateKey
    );

    public static string DiscordPublicKeyHex =>
        Convert.ToHexStringLower(DiscordKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>X-Signature-Ed25519: hex(Ed25519(timestamp + body)).</summary>
    public static string SignDiscord(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(
            SignatureAlgorithm.Ed25519.Sign(DiscordKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body])
        );

    /// <summary>The environment a bot needs to accept these requests, as NAME=value lines for a shell.</summary>
    public static IEnumerable<string> BotEnvironment(int slackStubPort) =>
        [
            $"Discord__Mode=Http",
            $"Discord__PublicKey={DiscordPublicKeyHex}",
            $"Discord__BotToken={DiscordBotToken}",
            $"Discord__ApplicationId={DiscordApplicationId}",
            $"Discord__ApiBaseUrl=http://127.0.0.1:{slackStubPort}/discord-api",
            $"Slack__Mode=Http",
            $"Slack__SigningSecret={SlackSigningSecret}",
            $"Slack__BotToken={SlackBotToken}",
            $"Slack__ApiBaseUrl=http://127.0.0.1:{slackStubPort}/api/",
        ];
}
