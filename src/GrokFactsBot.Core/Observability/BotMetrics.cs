using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Observability;

/// <summary>
/// The bot's instruments, on one Meter ("GrokFactsBot") that the host exports (Prometheus at /metrics).
/// Components take this singleton and record; they never format metrics themselves. Whatever a platform records
/// goes through one method per instrument here, so Discord's and Slack's series carry the same label names and
/// spell their values alike (lower snake case: platform="discord", reason="missing_headers").
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

    private Counter<long> CommandsAnswered { get; }
    private Histogram<double> AnswerDuration { get; }
    private Counter<long> SignatureFailures { get; }
    private Counter<long> Reconnects { get; }
    private Counter<long> Deliveries { get; }
    private Counter<long> RateLimitWaits { get; }
    public Counter<long> WatchPolls { get; }
    public Counter<long> WatchRequests { get; }
    public Counter<long> WatchBytes { get; }
    public Counter<long> WatchNewReleases { get; }
    public Counter<long> WatchErrors { get; }

    /// <summary>One answered command and how long building its answer took (a command name outside the set is "unknown").</summary>
    public void Answered(Platform platform, string command, string outcome, TimeSpan took)
    {
        var tags = new TagList
        {
            { "platform", Label(platform) },
            { "command", Label(command) },
            { "outcome", Label(outcome) },
        };
        CommandsAnswered.Add(1, tags);
        AnswerDuration.Record(took.TotalSeconds, tags);
    }

    public void SignatureRejected(Platform platform, string reason) =>
        SignatureFailures.Add(1, PlatformTag(platform), new("reason", Label(reason)));

    public void Reconnected(Platform platform, string reason) =>
        Reconnects.Add(1, PlatformTag(platform), new("reason", Label(reason)));

    public void Delivered(Platform platform, PublishOutcome outcome) =>
        Deliveries.Add(1, PlatformTag(platform), new("outcome", Label(outcome.ToString())));

    public void RateLimitWaited(Platform platform) => RateLimitWaits.Add(1, PlatformTag(platform));

    private static KeyValuePair<string, object?> PlatformTag(Platform platform) => new("platform", Label(platform));

    private static string Label(Platform platform) => Label(platform.ToString());

    /// <summary>
    /// A label value in lower snake case: "MissingHeaders" and "missing_headers" are the same value. Worked out once per
    /// value: every answered command records three, and the values come from small fixed sets.
    /// </summary>
    public static string Label(string value) => Labels.GetOrAdd(value, SnakeCase);

    private static readonly ConcurrentDictionary<string, string> Labels = new(StringComparer.Ordinal);

    private static string SnakeCase(string value)
    {
        var label = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsUpper(value[i]) && i > 0 && char.IsLower(value[i - 1]))
                label.Append('_');
            label.Append(char.ToLowerInvariant(value[i]));
        }
        return label.ToString();
    }

    /// <summary>Outbox depth is observed, not counted: the outbox registers how to read it.</summary>
    public void ObserveOutboxDepth(Func<long> depth) =>
        _meter.CreateObservableGauge(
            "grokfacts.outbox.depth",
            depth,
            description: "Undelivered (update, channel) pairs"
        );

    public void Dispose() => _meter.Dispose();
}
