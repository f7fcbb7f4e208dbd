using System.Net.Http.Headers;

namespace GrokFactsBot.Core.Resilience;

/// <summary>How long a server asked us to wait (HTTP Retry-After, as seconds or as a date), if it said.</summary>
public static class RetryAfter
{
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now) =>
        header switch
        {
            { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
}
