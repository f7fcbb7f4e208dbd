using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Testing.Slack;

namespace GrokFactsBot.Testing;

/// <summary>
/// Settings that point the bot's front ends at the loopback fakes, as configuration keys ("Discord:Mode");
/// <see cref="AsEnvironment"/> turns them into a child process's variables ("Discord__Mode").
/// </summary>
public static class BotSettings
{
    public const string DiscordApplicationId = "111222333";

    /// <summary>
    /// Discord in Http mode: its API is the fake, and interactions are signed by <paramref name="signer"/>.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> DiscordHttp(
        Signer signer,
        FakeDiscord discord,
        string botToken
    ) =>
        [
            new("Discord:Mode", "Http"),
            new("Discord:BotToken", botToken),
            new("Discord:ApplicationId", DiscordApplicationId),
            new("Discord:PublicKey", signer.PublicKeyHex),
            new("Discord:ApiBaseUrl", discord.ApiBaseUrl),
        ];

    /// <summary>
    /// Slack in Http mode: its Web API is the fake, and requests are signed with <paramref name="signingSecret"/>.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> SlackHttp(
        FakeSlack slack,
        string signingSecret,
        string botToken
    ) =>
        [
            new("Slack:Mode", "Http"),
            new("Slack:BotToken", botToken),
            new("Slack:SigningSecret", signingSecret),
            new("Slack:ApiBaseUrl", slack.ApiBaseUrl),
        ];

    public static Dictionary<string, string> AsEnvironment(this IEnumerable<KeyValuePair<string, string>> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
