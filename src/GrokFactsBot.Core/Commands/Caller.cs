namespace GrokFactsBot.Core.Commands;

public enum Platform
{
    Console,
    Discord,
    Slack,
}

/// <summary>
/// Who is asking and from where, as the front end established it. <see cref="Scope"/> is the server or workspace
/// ("discord:123", "slack:T123"): facts local to it are visible only there.
/// </summary>
public sealed record Caller(
    Platform Platform,
    string UserId,
    string DisplayName,
    string? Scope,
    string? ChannelId,
    bool IsGlobalAdmin,
    bool IsServerAdmin,
    bool CanManageChannels
)
{
    /// <summary>The person at the local console owns the bot.</summary>
    public static Caller Console(string user) =>
        new(Platform.Console, "console:" + user, user, null, "console", true, true, true);

    public string QualifiedId => UserId;

    public bool Has(Permission permission) =>
        permission switch
        {
            Permission.Everyone => true,
            Permission.ManageChannels => CanManageChannels || IsServerAdmin || IsGlobalAdmin,
            Permission.ServerAdmin => IsServerAdmin || IsGlobalAdmin,
            _ => IsGlobalAdmin,
        };
}
