using System.Collections.Concurrent;

namespace GrokFactsBot.Slack.WebApi;

/// <summary>chat.postMessage allows about one message per second per channel; posts queue for their slot.</summary>
public sealed class ChannelPacer(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);

    /// <summary>Books the channel's next slot and returns how long to wait for it.</summary>
    public TimeSpan Reserve(string channel, DateTimeOffset now)
    {
        var slot = now;
        _nextSlot.AddOrUpdate(
            channel,
            _ => now + Interval,
            (_, next) =>
            {
                slot = next > now ? next : now;
                return slot + Interval;
            }
        );
        return slot - now;
    }

    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var wait = Reserve(channel, time.GetUtcNow());
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
