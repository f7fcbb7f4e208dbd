namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// Discord's global limit, kept before a request is sent rather than learned from 429s: at most N requests in any
/// one second, shared by every request the bot makes outside interaction routes. A request holds one of N slots from
/// the moment it is sent until one second after its answer came back, so however long it took to arrive, no second
/// at Discord ever sees more than N of them.
/// </summary>
public sealed class GlobalLimit(int perSecond, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _slots = new(perSecond, perSecond);

    public int PerSecond => perSecond;

    /// <summary>Waits for a slot; disposing the lease when the answer is in frees the slot a second later.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Lease(this);
    }

    private void ReleaseLater() =>
        _ = Task.Delay(Window, time, CancellationToken.None).ContinueWith(_ => Release(), TaskScheduler.Default);

    private void Release()
    {
        try
        {
            _slots.Release();
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
