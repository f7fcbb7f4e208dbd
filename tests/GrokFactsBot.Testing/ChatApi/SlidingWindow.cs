namespace GrokFactsBot.Testing.ChatApi;

/// <summary>At most N events in any one second, as the fake API enforces Discord's global limit.</summary>
public sealed class SlidingWindow(int perSecond)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>Takes a slot now, or says how long until one frees up.</summary>
    public TimeSpan? TryTake()
    {
        lock (_recent)
        {
            var now = DateTimeOffset.UtcNow;
            while (_recent.Count > 0 && now - _recent.Peek() >= Second)
                _recent.Dequeue();
            if (_recent.Count >= perSecond)
                return Second - (now - _recent.Peek());
            _recent.Enqueue(now);
            return null;
        }
    }
}
