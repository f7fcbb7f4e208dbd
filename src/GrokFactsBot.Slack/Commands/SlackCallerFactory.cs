using System.Collections.Concurrent;
using GrokFactsBot.Core.Admin;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// Builds the <see cref="Caller"/> for a slash command. Slack sends no roles, so workspace admins are looked up
/// with users.info (is_admin / is_owner / is_primary_owner) and cached for a few minutes.
/// </summary>
public sealed class SlackCallerFactory(
    SlackApiClient api,
    IOptions<AdminOptions> admins,
    TimeProvider time,
    ILogger<SlackCallerFactory> logger
)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (bool IsAdmin, DateTimeOffset Until)> _admins = new(
        StringComparer.Ordinal
    );

    public async Task<Caller> CreateAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var userId = command.QualifiedUserId;
        var isWorkspaceAdmin = await IsWorkspaceAdminAsync(command, cancellationToken);
        // Any member may subscribe a channel, as with the GitHub app; admin-only commands check IsServerAdmin.
        return new Caller(
            Platform.Slack,
            userId,
            command.UserName ?? command.UserId,
            $"slack:{command.TeamId}",
            command.ChannelId,
            admins.Value.IsGlobalAdmin(userId),
            isWorkspaceAdmin,
            CanManageChannels: true
        );
    }

    private async Task<bool> IsWorkspaceAdminAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_admins.TryGetValue(command.QualifiedUserId, out var cached) && cached.Until > now)
            return cached.IsAdmin;
        var result = await api.GetAsync(
            "users.info",
            new Dictionary<string, string> { ["user"] = command.UserId },
            cancellationToken
        );
        if (result.Body?["user"] is not { } user)
        {
            // Not cached: the next command asks again rather than keeping an admin locked out for minutes.
            logger.LogWarning(
                "users.info for {User} failed ({Error}); treating them as a member for this command",
                command.QualifiedUserId,
                result.Error?.Code
            );
            return false;
        }
        var isAdmin = Flag(user, "is_admin") || Flag(user, "is_owner") || Flag(user, "is_primary_owner");
        _admins[command.QualifiedUserId] = (isAdmin, now + CacheFor);
        return isAdmin;
    }

    private static bool Flag(System.Text.Json.Nodes.JsonNode user, string name) =>
        user[name] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
