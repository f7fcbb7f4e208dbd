using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Admin;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// Builds the <see cref="Caller"/> for a slash command. Slack sends no roles, so a workspace admin is recognised
/// through users.info (is_admin / is_owner / is_primary_owner) — asked only by <see cref="WithRoleAsync"/>, for
/// the commands that need a role, and cached for a few minutes. Every other command answers without asking Slack.
/// </summary>
public sealed class SlackCallerFactory(
    SlackApiClient api,
    IOptions<AdminOptions> admins,
    TimeProvider time,
    ILogger<SlackCallerFactory> logger
)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>How long a role check may wait for Slack before the command says it could not check.</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (bool IsAdmin, DateTimeOffset Until)> _roles = new(
        StringComparer.Ordinal
    );

    /// <summary>The caller as known without asking Slack: a workspace admin only if a recent check said so.</summary>
    public Caller Known(SlashCommand command) => Build(command, Cached(command) ?? false);

    /// <summary>The caller with their workspace role, from the cache or users.info; the error if Slack can't say.</summary>
    public async Task<(Caller? Caller, SlackApiError? Problem)> WithRoleAsync(
        SlashCommand command,
        CancellationToken cancellationToken
    )
    {
        if (Cached(command) is { } cached)
            return (Build(command, cached), null);
        var result = await LookUpAsync(command, cancellationToken);
        if (result.Body?["user"] is not JsonObject user)
        {
            // Not cached: the next command asks again rather than keeping an admin locked out for minutes.
            var problem = result.Error ?? SlackApiError.FromCode("user_missing");
            logger.LogWarning("users.info for {User} failed: {Error}", command.QualifiedUserId, problem.Code);
            return (null, problem);
        }
        var isAdmin = Flag(user, "is_admin") || Flag(user, "is_owner") || Flag(user, "is_primary_owner");
        _roles[command.QualifiedUserId] = (isAdmin, time.GetUtcNow() + CacheFor);
        return (Build(command, isAdmin), null);
    }

    private async Task<SlackApiResult> LookUpAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(LookupTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await api.GetAsync("users.info", new Dictionary<string, string> { ["user"] = command.UserId }, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return SlackApiResult.Failure(SlackErrorKind.Unreachable, "timed out");
        }
    }

    private bool? Cached(SlashCommand command) =>
        _roles.TryGetValue(command.QualifiedUserId, out var cached) && cached.Until > time.GetUtcNow()
            ? cached.IsAdmin
            : null;

    // Any member may subscribe a channel, as with the GitHub app; admin-only commands check IsServerAdmin.
    private Caller Build(SlashCommand command, bool isWorkspaceAdmin) =>
        new(
            Platform.Slack,
            command.QualifiedUserId,
            command.UserName ?? command.UserId,
            $"slack:{command.TeamId}",
            command.ChannelId,
            admins.Value.IsGlobalAdmin(command.QualifiedUserId),
            isWorkspaceAdmin,
            CanManageChannels: true
        );

    private static bool Flag(JsonNode user, string name) =>
        user[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
