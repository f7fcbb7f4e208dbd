using System.Collections.Concurrent;
using GrokFactsBot.Slack.Rendering;

namespace GrokFactsBot.Slack.SocketMode;

/// <summary>
/// Envelopes Slack redelivers (after a dropped socket or a late ack, possibly on the other connection) share the
/// first delivery's answer: each command runs once, and a late answer is sent to response_url once.
/// </summary>
public sealed class EnvelopeLedger(TimeProvider time)
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new(StringComparer.Ordinal);

    public sealed class Entry(Task<SlackMessage> answer, DateTimeOffset seen)
    {
        private int _deferred;

        public Task<SlackMessage> Answer { get; } = answer;
        public DateTimeOffset Seen { get; } = seen;

        public bool IsDeliveredLate => Volatile.Read(ref _deferred) == 1;

        /// <summary>True for exactly one caller: the one who sends the answer to response_url.</summary>
        public bool TryClaimLateDelivery() => Interlocked.Exchange(ref _deferred, 1) == 0;
    }

    public (Entry Entry, bool IsFirst) Record(string envelopeId, Func<Task<SlackMessage>> start)
    {
        var now = time.GetUtcNow();
        var candidate = new Lazy<Entry>(() => new Entry(start(), now));
        var stored = _entries.GetOrAdd(envelopeId, candidate);
        var isFirst = ReferenceEquals(stored, candidate);
        if (isFirst)
            Forget(now - Remember);
        return (stored.Value, isFirst);
    }

    private void Forget(DateTimeOffset olderThan)
    {
        foreach (var (id, entry) in _entries)
            if (entry.IsValueCreated && entry.Value.Seen < olderThan)
                _entries.TryRemove(id, out _);
    }
}
