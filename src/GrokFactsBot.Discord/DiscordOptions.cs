using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord;

public enum DiscordMode
{
    Http,
    Gateway,
}

/// <summary>
/// Section "Discord". Secrets (BotToken) are never logged; environment variables such as Discord__BotToken work as
/// usual.
/// </summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The application's Ed25519 public key from the Developer Portal, as 64 hex characters.</summary>
    public string? PublicKey { get; set; }

    public string? BotToken { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>
    /// "Http" (Discord POSTs to /discord/interactions) or "Gateway" (the bot holds a WebSocket). Kept as text so a typo
    /// gets a clear message.
    /// </summary>
    public string Mode { get; set; } = nameof(DiscordMode.Http);

    public DiscordMode Transport =>
        Enum.TryParse<DiscordMode>(Mode, ignoreCase: true, out var mode) ? mode : DiscordMode.Http;

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the URL from GET /gateway/bot; for tests against a local gateway.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>
    /// Discord's global limit for this bot (50 unless Discord raised it): every request outside interaction routes is
    /// paced to stay under it.
    /// </summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Gateway mode: which shards this process runs, "first-last/total" (e.g. "0-3/8"); unset runs every shard
    /// Discord recommends and reshards when Discord asks. Processes that split one bot give the same total.
    /// </summary>
    public string? Shards { get; set; }

    /// <summary>The parsed <see cref="Shards"/>, or null when it is unset (validation rejects a bad one).</summary>
    public Gateway.ShardRange? ShardRange =>
        string.IsNullOrWhiteSpace(Shards) ? null : Gateway.ShardRange.Parse(Shards, out _);

    /// <summary>How long a command may take before the interaction is deferred (type 5) and edited later.</summary>
    public TimeSpan InlineAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Discord is on when the bot's identity is set; the public key is needed only to receive HTTP interactions.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return !string.IsNullOrWhiteSpace(section["BotToken"])
            || !string.IsNullOrWhiteSpace(section["ApplicationId"])
            || !string.IsNullOrWhiteSpace(section["PublicKey"]);
    }
}

/// <summary>
/// Start-up checks with messages a person can act on. Any Discord setting turns Discord on, so a half-done setup fails
/// loudly.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
            problems.Add(
                "Discord:BotToken is empty: copy the bot token from the Developer Portal (Bot → Reset Token) into Discord__BotToken."
            );
        if (string.IsNullOrWhiteSpace(options.ApplicationId) || !ulong.TryParse(options.ApplicationId, out _))
            problems.Add(
                "Discord:ApplicationId must be the numeric Application ID from the Developer Portal (General Information)."
            );
        if (!Enum.TryParse<DiscordMode>(options.Mode, ignoreCase: true, out _))
            problems.Add(
                $"Discord:Mode '{options.Mode}' is not known: use Http (an Interactions Endpoint URL is set in the portal) or Gateway (it is not)."
            );
        else if (options.Transport == DiscordMode.Http && !Ed25519Verifier.IsValidPublicKeyHex(options.PublicKey))
            problems.Add(
                "Discord:PublicKey must be the 64-hex-character Public Key from the Developer Portal (General Information) when Discord:Mode is Http."
            );
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            problems.Add(
                $"Discord:ApiBaseUrl '{options.ApiBaseUrl}' is not an http(s) URL; leave it unset for https://discord.com/api/v10."
            );
        if (options.GatewayUrl is { Length: > 0 } gateway && !Uri.TryCreate(gateway, UriKind.Absolute, out _))
            problems.Add($"Discord:GatewayUrl '{gateway}' is not a URL; leave it unset to ask Discord.");
        if (!string.IsNullOrWhiteSpace(options.Shards) && Gateway.ShardRange.Parse(options.Shards, out var shardProblem) is null)
            problems.Add(shardProblem!);
        if (options.InlineAnswerBudget <= TimeSpan.Zero || options.InlineAnswerBudget > TimeSpan.FromSeconds(2.5))
            problems.Add(
                "Discord:InlineAnswerBudget must be between 0 and 2.5 seconds (Discord allows 3 s for the first response)."
            );
        if (options.GlobalRequestsPerSecond is < 1 or > 10_000)
            problems.Add(
                "Discord:GlobalRequestsPerSecond must be between 1 and 10000; leave it at 50 unless Discord raised your bot's limit."
            );
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
