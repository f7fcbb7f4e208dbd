namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// Discord's global limit, kept before a request is sent rather than learned from 429s: at most N requests in any
/// one second, shared by every request the bot makes outside interaction routes. A request holds one of N slots from
/// the moment it is sent until a second after its answer came back (<see cref="SlotHeld"/>), so however long it took
/// to arrive, no second at Discord ever sees more than N of them. No slot is free before <see cref="OpensAt"/> on
/// the limit's clock (<see cref="RateLimiter"/>: a process restarted after a crash waits out its predecessor's last
/// second).
/// </summary>
public sealed class GlobalLimit : IDisposable
{
    /// <summary>
    /// How long a slot stays taken after its answer: Discord's one second, and a margin because timers run on a
    /// millisecond tick and may fire up to a tick early (a slot freed early cost 7 global 429s in 1,000 posts).
    /// </summary>
    public static readonly TimeSpan SlotHeld = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(10);
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;

    public GlobalLimit(int perSecond, TimeProvider time, DateTimeOffset? opensAt = null)
    {
        PerSecond = perSecond;
        _time = time;
        var now = time.GetUtcNow();
        OpensAt = opensAt ?? now;
        if (OpensAt <= now)
            _slots = new SemaphoreSlim(perSecond, perSecond);
        else
        {
            _slots = new SemaphoreSlim(0, perSecond);
            _ = Task.Delay(OpensAt - now, time, CancellationToken.None)
                .ContinueWith(_ => Release(perSecond), TaskScheduler.Default);
        }
    }

    public int PerSecond { get; }

    /// <summary>When the first slots free up, on the limit's clock.</summary>
    public DateTimeOffset OpensAt { get; }

    /// <summary>Waits for a slot; disposing the lease when the answer is in frees the slot a second later.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Lease(this);
    }

    private void ReleaseLater() =>
        _ = Task.Delay(SlotHeld, _time, CancellationToken.None).ContinueWith(_ => Release(1), TaskScheduler.Default);

    private void Release(int slots)
    {
        try
        {
            _slots.Release(slots);
        }
        catch (ObjectDisposedException)
        {
            // the bot is shutting down: nothing waits for the slot any more
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(GlobalLimit limit) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                limit.ReleaseLater();
        }
    }
}
