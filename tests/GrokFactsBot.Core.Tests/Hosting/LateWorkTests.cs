using GrokFactsBot.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Core.Tests.Hosting;

/// <summary>
/// Shutdown waits for late work within its timeout; what is still running then is cancelled and counted in one
/// warning that names a few of them (the drain bench once logged 501 interaction ids on one line).
/// </summary>
public sealed class LateWorkTests
{
    [Fact]
    public async Task Work_still_running_when_the_shutdown_timeout_ends_is_cancelled_and_counted_in_one_short_warning()
    {
        var log = new RecordingLogger();
        using var late = new LateWork(log);
        var cancelled = Enumerable.Range(0, 8).Select(_ => new TaskCompletionSource()).ToList();
        for (var i = 0; i < cancelled.Count; i++)
        {
            var seen = cancelled[i];
            late.Run($"answer {i}", async ct =>
            {
                using var _ = ct.Register(seen.SetResult);
                await Task.Delay(Timeout.Infinite, ct);
            });
        }

        await late.StopAsync(new CancellationToken(canceled: true));

        await Task.WhenAll(cancelled.Select(c => c.Task)).WaitAsync(TimeSpan.FromSeconds(20));
        var warning = Assert.Single(log.Lines, l => l.Level == LogLevel.Warning).Text;
        Assert.Equal(
            "Shutdown timed out with 8 answers in flight: answer 0, answer 1, answer 2, answer 3, answer 4 and 3 more",
            warning
        );
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "b", "a", "a" }, "a, b")]
    [InlineData(new[] { "f", "e", "d", "c", "b", "a" }, "a, b, c, d, e and 1 more")]
    public void Names_the_first_few_of_what_is_lost_and_counts_the_rest(string[] what, string named) =>
        Assert.Equal(named, LateWork.Named(what));

    [Fact]
    public async Task Shutdown_waits_for_work_that_finishes_within_its_timeout()
    {
        using var late = new LateWork(new RecordingLogger());
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = false;
        late.Run("an answer", async _ =>
        {
            await release.Task;
            done = true;
        });

        var stopping = late.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(done);
    }

    private sealed class RecordingLogger : ILogger<LateWork>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            lock (Lines)
                Lines.Add((logLevel, formatter(state, exception)));
        }
    }
}
