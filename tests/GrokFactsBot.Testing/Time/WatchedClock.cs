using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Testing.Time;

/// <summary>
/// A fake clock that also says which timers were started on it and for how long (every Task.Delay on it starts
/// one): a test waits for the code under test to start its wait, checks how long it is, and moves the clock past it,
/// instead of moving the clock before the wait exists or sleeping until it has.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private readonly List<TimeSpan> _timers = [];
    private TaskCompletionSource _nextTimer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WatchedClock()
        : this(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)) { }

    /// <summary>How many timers have been started so far: an index to wait from.</summary>
    public int TimersStarted
    {
        get
        {
            lock (_timers)
                return _timers.Count;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource started;
        lock (_timers)
        {
            _timers.Add(dueTime);
            started = _nextTimer;
            _nextTimer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        started.SetResult();
        return timer;
    }

    /// <summary>The timer started as number <paramref name="index"/> (from 0), started already or yet to be.</summary>
    public async Task<TimeSpan> TimerAsync(int index)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            Task next;
            lock (_timers)
            {
                if (index < _timers.Count)
                    return _timers[index];
                next = _nextTimer.Task;
            }
            try
            {
                await next.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No timer number {index} was started on the test clock in {Guard}.");
            }
        }
    }

    /// <summary>
    /// The first timer from number <paramref name="from"/> on whose length matches, and its number.
    /// </summary>
    public async Task<(int Index, TimeSpan DueIn)> TimerAsync(int from, Func<TimeSpan, bool> match)
    {
        for (var index = from; ; index++)
            if (await TimerAsync(index) is var due && match(due))
                return (index, due);
    }

    /// <summary>
    /// Until <paramref name="work"/> is done, moves the clock past each timer started from now on, as soon as it is
    /// started: every wait the work makes on this clock passes at once. Returns the work's result and every timer
    /// started meanwhile, in order (moving past one may pass others started in between).
    /// </summary>
    public async Task<(T Result, List<TimeSpan> Waits)> RunAsync<T>(Task<T> work)
    {
        var first = TimersStarted;
        for (var index = first; ; index++)
        {
            var timer = TimerAsync(index);
            if (await Task.WhenAny(work, timer) == work)
            {
                var result = await work;
                lock (_timers)
                    return (result, _timers[first..]);
            }
            if (await timer is var due && due != Timeout.InfiniteTimeSpan)
                Advance(due);
        }
    }
}
