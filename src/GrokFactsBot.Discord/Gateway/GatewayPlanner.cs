using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// What this process runs: the Gateway URL, its shards of how many, how many identifies Discord allows at once, and
/// the shard count Discord recommends.
/// </summary>
public sealed record GatewayPlan(string Url, ShardRange Range, int MaxConcurrency, int Recommended);

/// <summary>
/// Asks GET /gateway/bot for the URL, the recommended shard count and session_start_limit (max_concurrency; when no
/// session starts remain, waits reset_after), retrying with backoff while Discord is unreachable.
/// </summary>
public sealed class GatewayPlanner(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<GatewayPlanner> logger
)
{
    /// <summary>
    /// The plan; or no plan and the reason to stop the bot (no reason: the host is stopping). After close 4011,
    /// <paramref name="reshardTo"/> is the least total to run when Discord:Shards leaves the count to Discord.
    /// </summary>
    public async Task<(GatewayPlan? Plan, string? Problem)> PlanAsync(int? reshardTo, CancellationToken stopping)
    {
        var configured = options.Value.ShardRange;
        if (options.Value.GatewayUrl is { Length: > 0 } fixedUrl && reshardTo is null)
        {
            var range = configured ?? ShardRange.All(1);
            return (new GatewayPlan(fixedUrl, range, 1, range.Total), null);
        }
        try
        {
            for (var failures = 0; ; failures++)
            {
                var result = await rest.GetAsync("gateway/bot", stopping);
                if (result.Outcome == RestOutcome.Unauthorized)
                    return (
                        null,
                        "Discord rejected the bot token (401 on GET /gateway/bot). Set Discord:BotToken to the current token from the Developer Portal."
                    );
                if (result.IsSuccess && result.Read(DiscordJsonContext.Default.GatewayBot) is { Url.Length: > 0 } bot)
                {
                    if (bot.SessionStartLimit is { Remaining: <= 0, ResetAfter: var resetMs })
                    {
                        logger.LogWarning(
                            "Discord allows no more session starts today; waiting {Minutes:0} min for the reset",
                            resetMs / 60_000.0
                        );
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1_000, resetMs)), time, stopping);
                        continue;
                    }
                    return (Plan(bot, configured, reshardTo), null);
                }
                logger.LogWarning("GET /gateway/bot failed ({Result}); trying again", result);
                await Task.Delay(GatewayShard.AfterFailures(failures + 1), time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return (null, null);
        }
    }

    private GatewayPlan Plan(GatewayBot bot, ShardRange? configured, int? reshardTo)
    {
        var recommended = Math.Max(1, bot.Shards ?? 1);
        if (configured is not null && recommended > configured.Total)
            logger.LogWarning(
                "Discord recommends {Recommended} shards; Discord:Shards '{Configured}' has {Total}",
                recommended,
                configured,
                configured.Total
            );
        var range = configured ?? ShardRange.All(Math.Max(recommended, reshardTo ?? 1));
        var url = options.Value.GatewayUrl is { Length: > 0 } fixedUrl ? fixedUrl : bot.Url;
        return new GatewayPlan(url, range, Math.Max(1, bot.SessionStartLimit?.MaxConcurrency ?? 1), recommended);
    }
}

/// <summary>GET /gateway/bot: where to connect, the shards Discord recommends, and how many may identify at once.</summary>
internal sealed record GatewayBot(string Url, int? Shards, SessionStartLimit? SessionStartLimit);

internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
