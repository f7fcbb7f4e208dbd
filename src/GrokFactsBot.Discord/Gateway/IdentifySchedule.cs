namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// When a shard may identify. Discord allows one identify per 5 s in each of max_concurrency buckets (a shard's
/// bucket is its id mod max_concurrency), across every process of the bot. Time is cut into 6-second slots on the
/// clock (5 s and a second to spare for send latency and clock skew); shard <c>id</c> owns the slots whose number mod
/// <see cref="Cycle"/> is <c>id / max_concurrency</c>. So two shards of one bucket never identify within 5 s of each
/// other, even in processes that never talk to each other (their clocks need to agree within a second, as NTP keeps
/// them).
/// </summary>
public sealed class IdentifySchedule(int totalShards, int maxConcurrency)
{
    public static readonly TimeSpan Slot = TimeSpan.FromSeconds(6);

    private readonly int _maxConcurrency = Math.Max(1, maxConcurrency);

    /// <summary>Slots in one turn of the schedule: how many shards share each bucket.</summary>
    public int Cycle => (totalShards + _maxConcurrency - 1) / _maxConcurrency;

    /// <summary>
    /// The first moment at or after <paramref name="now"/> when shard <paramref name="shardId"/> may identify. A shard
    /// alone in its bucket waits only for 5 s after its own <paramref name="lastIdentify"/>.
    /// </summary>
    public DateTimeOffset Next(int shardId, DateTimeOffset now, DateTimeOffset? lastIdentify = null)
    {
        if (Cycle == 1)
            return lastIdentify + Slot is { } free && free > now ? free : now;
        var slotTicks = Slot.Ticks;
        var slot = (now.UtcTicks + slotTicks - 1) / slotTicks;
        var turn = shardId / _maxConcurrency;
        var wait = ((turn - slot) % Cycle + Cycle) % Cycle;
        return new DateTimeOffset((slot + wait) * slotTicks, TimeSpan.Zero);
    }
}
