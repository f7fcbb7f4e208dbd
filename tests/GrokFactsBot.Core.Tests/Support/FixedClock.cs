namespace GrokFactsBot.Core.Tests.Support;

/// <summary>A clock stopped on one day, so answers about promises and "as of" read the same on any run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock December2026 = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
