namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// The fields of a slash command we use, the same whether it came as an HTTP form or a Socket Mode payload.
/// </summary>
public sealed record SlashCommand(
    string TeamId,
    string UserId,
    string? UserName,
    string? ChannelId,
    string Command,
    string Text,
    Uri ResponseUrl
)
{
    /// <summary>
    /// Reads the fields through <paramref name="field"/>; a missing or bad one gives a message naming it.
    /// </summary>
    public static (SlashCommand? Command, string? Problem) Read(Func<string, string?> field)
    {
        string[] required = ["team_id", "user_id", "command", "response_url"];
        var missing = required.Where(name => string.IsNullOrWhiteSpace(field(name))).ToList();
        if (missing.Count > 0)
            return (null, "Not a Slack slash command: missing " + string.Join(", ", missing) + ".");
        if (
            !Uri.TryCreate(field("response_url"), UriKind.Absolute, out var responseUrl)
            || responseUrl.Scheme is not ("https" or "http")
        )
            return (null, "Not a Slack slash command: response_url is not an http(s) URL.");
        return (
            new SlashCommand(
                field("team_id")!,
                field("user_id")!,
                field("user_name"),
                field("channel_id"),
                field("command")!,
                field("text") ?? "",
                responseUrl
            ),
            null
        );
    }

    public string QualifiedUserId => $"slack:{TeamId}/{UserId}";
}
