using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// Discord's rate limits, kept before requests are sent: the <see cref="Global"/> limit shared by every request, the
/// <see cref="Invalid"/> request budget, and per-route buckets as the headers describe them: a route starts in its own
/// bucket and, after the first response, shares the state of the X-RateLimit-Bucket it belongs to (per major
/// resource). One request per bucket is in flight at a time, so an exhausted bucket is waited out instead of hit. A
/// global 429 (which pacing should never see) pauses everything.
/// </summary>
public sealed class RateLimiter(TimeProvider time, IOptions<DiscordOptions> options) : IDisposable
{
    public GlobalLimit Global { get; } =
        new(options.Value.GlobalRequestsPerSecond, time, time.GetUtcNow() + RestOfFirstSecond(ProcessAge()));

    public InvalidRequestBudget Invalid { get; } = new(time);

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>
    /// Timers may fire a little before the clock says the reset has come; arriving early would cost a 429.
    /// </summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(50);
    private DateTimeOffset _globalResumeAt = DateTimeOffset.MinValue;

    public sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Remaining { get; set; } = 1;
        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
    }

    public Bucket For(RouteKey route)
    {
        var key = _bucketOfRoute.TryGetValue(route.Template, out var hash)
            ? hash + ":" + route.Major
            : route.Template + ":" + route.Major;
        return _buckets.GetOrAdd(key, _ => new Bucket());
    }

    /// <summary>How long to wait before the next request on this bucket; zero when it may go now.</summary>
    public TimeSpan DelayFor(Bucket bucket, bool isInteractionRoute)
    {
        var now = time.GetUtcNow();
        var wait = bucket.Remaining <= 0 && bucket.ResetAt > now ? bucket.ResetAt - now : TimeSpan.Zero;
        // Interaction callbacks and webhooks are not bound by the global limit.
        if (!isInteractionRoute && _globalResumeAt > now + wait)
            wait = _globalResumeAt - now;
        return wait > TimeSpan.Zero ? wait + SafetyMargin : wait;
    }

    public void Update(RouteKey route, Bucket bucket, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } hash && _bucketOfRoute.TryAdd(route.Template, hash))
            _buckets.TryAdd(hash + ":" + route.Major, bucket);
        if (
            int.TryParse(
                Header(headers, "X-RateLimit-Remaining"),
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out var remaining
            )
        )
            bucket.Remaining = remaining;
        if (
            double.TryParse(
                Header(headers, "X-RateLimit-Reset-After"),
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var seconds
            )
        )
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
    }

    public void RateLimited(Bucket bucket, TimeSpan retryAfter, bool isGlobal)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (isGlobal)
            _globalResumeAt = until;
        else
        {
            bucket.Remaining = 0;
            bucket.ResetAt = until;
        }
    }

    public void Dispose() => Global.Dispose();

    /// <summary>
    /// A process started at once after a crash (kill -9, systemd restarting it) cannot know what the one before it
    /// sent in its last second, so the global limit opens one second after this process started: this is what is
    /// left of that second for a process <paramref name="processAge"/> old. The limit waits it out on its own clock,
    /// so a test on a fake clock opens it by moving the clock to <see cref="GlobalLimit.OpensAt"/>.
    /// </summary>
    public static TimeSpan RestOfFirstSecond(TimeSpan processAge) =>
        TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(Math.Clamp(processAge.Ticks, 0, TimeSpan.TicksPerSecond));

    /// <summary>The process's age is a wall-clock fact, read on the system clock whatever clock the limiter runs on.</summary>
    private static TimeSpan ProcessAge()
    {
        using var process = Process.GetCurrentProcess();
        return TimeProvider.System.GetUtcNow() - new DateTimeOffset(process.StartTime);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
