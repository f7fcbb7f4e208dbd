using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack;

public enum SlackMode
{
    Http,
    SocketMode,
}

/// <summary>Section "Slack". Secrets are read here and nowhere logged.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string? SigningSecret { get; set; }
    public string? BotToken { get; set; }
    public string? AppToken { get; set; }
    public SlackMode Mode { get; set; } = SlackMode.Http;
    public string Command { get; set; } = "/grokfacts";
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// How long a command may take before Slack gets a short ack and the answer goes to response_url.
    /// </summary>
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Socket Mode connections kept open at once, so a refresh of one drops nothing.</summary>
    public int SocketConnections { get; set; } = 2;

    /// <summary>First delay of the Socket Mode reconnect backoff; it doubles up to 30 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Slack is on when a bot token is set; validation then insists on the rest of what the mode needs.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(BotToken)}"]);
}

public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var problems = new List<string>();
        if (options.BotToken is not { } bot || !bot.StartsWith("xoxb-", StringComparison.Ordinal))
            problems.Add(
                "Slack:BotToken must be the bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)."
            );
        if (options.Mode == SlackMode.Http && string.IsNullOrWhiteSpace(options.SigningSecret))
            problems.Add(
                "Slack:SigningSecret is required in Http mode (Basic Information → App Credentials → Signing Secret); or set Slack:Mode=SocketMode with Slack:AppToken."
            );
        if (
            options.Mode == SlackMode.SocketMode
            && (options.AppToken is not { } app || !app.StartsWith("xapp-", StringComparison.Ordinal))
        )
            problems.Add(
                "Slack:AppToken must be an app-level token starting with xapp- with the connections:write scope (Basic Information → App-Level Tokens) when Slack:Mode=SocketMode."
            );
        if (
            !options.Command.StartsWith('/')
            || options.Command.Length is < 2 or > 32
            || options.Command.Any(char.IsWhiteSpace)
        )
            problems.Add(
                $"Slack:Command '{options.Command}' must start with '/', have no spaces and be at most 32 characters (e.g. /grokfacts)."
            );
        if (
            !Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || api.Scheme is not ("https" or "http")
            || !options.ApiBaseUrl.EndsWith('/')
        )
            problems.Add(
                $"Slack:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute http(s) URL ending in '/' (default https://slack.com/api/)."
            );
        if (options.AnswerBudget <= TimeSpan.Zero || options.AnswerBudget > TimeSpan.FromMilliseconds(2500))
            problems.Add("Slack:AnswerBudget must be between 0 and 00:00:02.5: Slack gives up after 3 s.");
        if (options.SocketConnections is < 1 or > 10)
            problems.Add("Slack:SocketConnections must be 1–10 (Slack allows at most 10).");
        if (options.ReconnectDelay <= TimeSpan.Zero)
            problems.Add("Slack:ReconnectDelay must be positive.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
