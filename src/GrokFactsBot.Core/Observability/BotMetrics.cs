using System.Diagnostics.Metrics;

namespace GrokFactsBot.Core.Observability;

/// <summary>
/// The bot's instruments, on one Meter ("GrokFactsBot") that the host exports (Prometheus at /metrics).
/// Components take this singleton and record; they never format metrics themselves.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "GrokFactsBot";
    private readonly Meter _meter;

    public BotMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        CommandsAnswered = _meter.CreateCounter<long>(
            "grokfacts.commands.answered",
            description: "Commands answered, by platform, command and outcome"
        );
        AnswerDuration = _meter.CreateHistogram<double>(
            "grokfacts.answer.duration",
            unit: "s",
            description: "Time to build an answer"
        );
        SignatureFailures = _meter.CreateCounter<long>(
            "grokfacts.signature.failures",
            description: "Requests rejected for a missing or wrong signature, by platform"
        );
        Reconnects = _meter.CreateCounter<long>(
            "grokfacts.connection.reconnects",
            description: "Gateway / Socket Mode reconnects, by platform and reason"
        );
        Deliveries = _meter.CreateCounter<long>(
            "grokfacts.outbox.deliveries",
            description: "Update deliveries, by platform and outcome"
        );
        RateLimitWaits = _meter.CreateCounter<long>(
            "grokfacts.ratelimit.waits",
            description: "Times a request waited for a rate limit, by platform"
        );
        WatchPolls = _meter.CreateCounter<long>(
            "grokfacts.watch.polls",
            description: "Release-watcher polls, by watcher and outcome (ok, partial, failed)"
        );
        WatchRequests = _meter.CreateCounter<long>(
            "grokfacts.watch.requests",
            description: "HTTP requests the release watchers sent, by watcher"
        );
        WatchBytes = _meter.CreateCounter<long>(
            "grokfacts.watch.response_bytes",
            unit: "By",
            description: "Bytes the release watchers received (headers and bodies), by watcher"
        );
        WatchNewReleases = _meter.CreateCounter<long>(
            "grokfacts.watch.new_releases",
            description: "New repos or catalogue entries the release watchers recorded, by watcher"
        );
        WatchErrors = _meter.CreateCounter<long>(
            "grokfacts.watch.errors",
            description: "Problems in release-watcher polls (unreachable, rate limited, malformed), by watcher"
        );
    }

    public Counter<long> CommandsAnswered { get; }
    public Histogram<double> AnswerDuration { get; }
    public Counter<long> SignatureFailures { get; }
    public Counter<long> Reconnects { get; }
    public Counter<long> Deliveries { get; }
    public Counter<long> RateLimitWaits { get; }
    public Counter<long> WatchPolls { get; }
    public Counter<long> WatchRequests { get; }
    public Counter<long> WatchBytes { get; }
    public Counter<long> WatchNewReleases { get; }
    public Counter<long> WatchErrors { get; }

    /// <summary>Outbox depth is observed, not counted: the outbox registers how to read it.</summary>
    public void ObserveOutboxDepth(Func<long> depth) =>
        _meter.CreateObservableGauge(
            "grokfacts.outbox.depth",
            depth,
            description: "Undelivered (update, channel) pairs"
        );

    public void Dispose() => _meter.Dispose();
}
