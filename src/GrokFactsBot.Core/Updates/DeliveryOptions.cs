using System.ComponentModel.DataAnnotations;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Resilience;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Updates;

/// <summary>How the outbox worker delivers (section "Updates").</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Updates";

    /// <summary>
    /// Channels posted to at once. The platform clients pace requests; this only keeps enough in flight to reach their
    /// limits.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Updates:MaxParallelDeliveries must be between 1 and 256")]
    public int MaxParallelDeliveries { get; set; } = 32;

    /// <summary>First wait after a failed post (429/5xx); doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    [TimeSpanRange(
        "00:00:00.001",
        "01:00:00",
        ErrorMessage = "Updates:InitialBackoff must be between 1 ms and 1 hour, e.g. 00:00:02"
    )]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    [TimeSpanRange(
        "00:00:00.001",
        "1.00:00:00",
        ErrorMessage = "Updates:MaxBackoff must be between 1 ms and 1 day, e.g. 00:05:00"
    )]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the worker sleeps when nothing is due and nothing signals new work.</summary>
    [TimeSpanRange(
        "00:00:00.010",
        "01:00:00",
        ErrorMessage = "Updates:IdlePoll must be between 10 ms and 1 hour, e.g. 00:00:30"
    )]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often confirmed deliveries are recorded, in one commit each time. A crash loses at most this much of the
    /// record, and those posts are repeated with the same key on restart (Discord drops them by nonce).
    /// </summary>
    [TimeSpanRange(
        "00:00:00.001",
        "00:00:05",
        ErrorMessage = "Updates:MarkInterval must be between 1 ms and 5 s, e.g. 00:00:00.050"
    )]
    public TimeSpan MarkInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan Backoff(int attempts) => new Backoff(InitialBackoff, MaxBackoff).After(attempts);
}

/// <summary>Checks <see cref="DeliveryOptions"/>' attributes with code generated at compile time.</summary>
[OptionsValidator]
public sealed partial class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>;
