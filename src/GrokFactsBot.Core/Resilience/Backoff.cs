namespace GrokFactsBot.Core.Resilience;

/// <summary>
/// The one backoff rule: after the first failure wait <see cref="Initial"/>, double it for each further failure, and
/// never wait longer than <see cref="Max"/>. Outbox deliveries and the release watchers both use it.
/// </summary>
public readonly record struct Backoff(TimeSpan Initial, TimeSpan Max)
{
    public TimeSpan After(int failures) =>
        failures <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Min(Max.Ticks, Initial.Ticks * (1L << Math.Min(failures - 1, 20))));
}
