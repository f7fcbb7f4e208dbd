using GrokFactsBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// /readyz: in Gateway mode the bot is ready only while every shard of this process has a live session; the
/// description says where each shard stands ("shards 0-3/8: 0 live, 1 live, 2 connecting, 3 live").
/// </summary>
internal sealed class GatewayReadiness(IServiceProvider services) : IReadinessCheck
{
    public string Name => "discord-gateway";

    public Readiness Check()
    {
        var gateway = services.GetRequiredService<DiscordGatewayService>();
        if (gateway.FatalReason is { } reason)
            return Readiness.NotReady("stopped: " + reason);
        if (gateway.Shards is not { Count: > 0 } shards)
            return Readiness.NotReady("asking Discord for the shard count (GET /gateway/bot)");
        var each = string.Join(", ", shards.Select(s => $"{s.Id} {s.Describe()}"));
        var range = new ShardRange(shards[0].Id, shards[^1].Id, shards[0].Total);
        return gateway.IsConnected
            ? Readiness.Ready($"shards {range}: {each}")
            : Readiness.NotReady($"shards {range}: {each}");
    }
}
