using System.Threading.Channels;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// Runs this process's shards of the bot: learns the shard count and identify concurrency from GET /gateway/bot,
/// keeps one <see cref="GatewayShard"/> per shard in <c>Discord:Shards</c> (default: every shard Discord recommends),
/// reshards when Discord closes with 4011 and the count is Discord's to choose, and stops the application with a
/// clear message on the close codes that no reconnect can fix.
/// </summary>
public sealed class DiscordGatewayService(
    GatewayPlanner planner,
    InteractionQueue queue,
    IOptions<DiscordOptions> options,
    BotMetrics metrics,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger
) : BackgroundService
{
    private IReadOnlyList<GatewayShard> _shards = [];

    /// <summary>Why the service stopped for good, when it did (for operators and tests).</summary>
    public string? FatalReason { get; private set; }

    /// <summary>The shards this process runs now; empty until GET /gateway/bot has answered.</summary>
    public IReadOnlyList<GatewayShard> Shards => Volatile.Read(ref _shards);

    /// <summary>Every shard of this process has a live session.</summary>
    public bool IsConnected => Shards is { Count: > 0 } shards && shards.All(s => s.IsLive);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? reshardTo = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (plan, problem) = await planner.PlanAsync(reshardTo, stoppingToken);
            if (plan is null)
            {
                if (problem is not null)
                    Stop(problem);
                return;
            }
            var outcome = await RunShardsAsync(plan, stoppingToken);
            switch (outcome.End)
            {
                case GatewayEnd.Fatal:
                    Stop(outcome.FatalReason!);
                    return;
                case GatewayEnd.ShardingRequired when options.Value.ShardRange is { } configured:
                    Stop(
                        $"Discord requires more shards than Discord:Shards '{configured}' has (close 4011). Raise the total in every process (GET /gateway/bot recommends {plan.Recommended}), or leave Discord:Shards unset to follow Discord."
                    );
                    return;
                case GatewayEnd.ShardingRequired:
                    reshardTo = Math.Max(plan.Recommended, plan.Range.Total * 2);
                    logger.LogWarning(
                        "Discord requires more shards (close 4011); resharding from {From} to {To}",
                        plan.Range.Total,
                        reshardTo
                    );
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>All shards until one ends for good (or the host stops); then the others are closed too.</summary>
    private async Task<ShardOutcome> RunShardsAsync(GatewayPlan plan, CancellationToken stoppingToken)
    {
        var shards = plan
            .Range.Ids.Select(id => new GatewayShard(
                id,
                plan,
                options.Value.BotToken!,
                queue.Writer,
                metrics,
                time,
                logger
            ))
            .ToList();
        Volatile.Write(ref _shards, shards);
        logger.LogInformation(
            "Discord Gateway: running shards {Range} (identify concurrency {Concurrency})",
            plan.Range,
            plan.MaxConcurrency
        );
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var running = shards.Select(s => s.RunAsync(run.Token)).ToList();
        var first = await await Task.WhenAny(running);
        await run.CancelAsync();
        await Task.WhenAll(running);
        return first;
    }

    private void Stop(string reason)
    {
        FatalReason = reason;
        logger.LogCritical("Discord Gateway stopped: {Reason}", reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}

/// <summary>Interactions from the Gateway wait here; the receive loops only write.</summary>
public sealed class InteractionQueue
{
    private readonly Channel<Interaction> _channel = Channel.CreateBounded<Interaction>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest }
    );

    public ChannelWriter<Interaction> Writer => _channel.Writer;

    public ChannelReader<Interaction> Reader => _channel.Reader;
}
