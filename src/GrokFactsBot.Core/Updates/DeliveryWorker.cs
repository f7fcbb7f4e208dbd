using System.Collections.Concurrent;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// Drains the outbox: fans each new update out to the channels that want it, then posts each pending (update, channel)
/// through its platform's publisher, channels in parallel up to a bound and each channel's updates in order.
/// A row is flagged in flight just before its request leaves and marked delivered only after the publisher confirmed,
/// so a stop at any point loses nothing; a send that was in flight at the stop is repeated with the same delivery key
/// (Discord dedupes it by nonce), after the publisher's check that the channel is still there.
/// </summary>
public sealed class DeliveryWorker : BackgroundService
{
    private readonly KnowledgeStore _store;
    private readonly UpdateOutbox _outbox;
    private readonly SubscriptionStore _subscriptions;
    private readonly Dictionary<Platform, IChannelPublisher> _publishers;
    private readonly DeliveryOptions _options;
    private readonly BotMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<DeliveryWorker> _logger;
    private readonly ConcurrentQueue<(Delivery Delivery, LastDelivery Last)> _confirmed = new();
    private readonly Lock _marking = new();

    public DeliveryWorker(
        KnowledgeStore store,
        UpdateOutbox outbox,
        SubscriptionStore subscriptions,
        IEnumerable<IChannelPublisher> publishers,
        IOptions<DeliveryOptions> options,
        BotMetrics metrics,
        TimeProvider clock,
        ILogger<DeliveryWorker> logger
    )
    {
        (_store, _outbox, _subscriptions, _options, _metrics, _clock, _logger) = (
            store,
            outbox,
            subscriptions,
            options.Value,
            metrics,
            clock,
            logger
        );
        _publishers = publishers.ToDictionary(p => p.Platform);
        metrics.ObserveOutboxDepth(() => _outbox.PendingCount);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failedSaves = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (await RunOnceAsync(stoppingToken) > 0)
                {
                    failedSaves = 0;
                    continue;
                }
                failedSaves = 0;
                var next = _outbox.NextDue(ActiveChannels(_subscriptions.All()));
                wait = next is { } due ? Clamp(due - _clock.GetUtcNow()) : _options.IdlePoll;
            }
            catch (StorageUnavailableException e)
            {
                // A full disk pauses delivery, not the bot: what was sent is kept to be recorded on a later pass.
                wait = _options.Backoff(++failedSaves);
                _logger.LogWarning("Delivering updates paused, {Reason}; trying again in {Wait}", e.Message, wait);
            }
            await _outbox.WaitForWorkAsync(wait, stoppingToken);
        }
    }

    /// <summary>One pass: fan out, then attempt every due delivery once. Returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var subscriptions = _subscriptions.All();
        _outbox.FanOut(subscriptions);
        var due = _outbox.Due(_clock.GetUtcNow(), ActiveChannels(subscriptions));
        if (due.Count == 0)
            return 0;
        foreach (var interrupted in due.Where(d => d.WasInFlight))
            _logger.LogWarning(
                "Delivery {Key} was being sent when the bot stopped; sending again with the same key",
                interrupted.Key
            );
        // Read each update once per pass: the sends themselves should not queue on the database.
        var updates = due.Select(d => d.UpdateSeq).Distinct().ToDictionary(seq => seq, seq => _outbox.FindUpdate(seq)!);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxParallelDeliveries,
            CancellationToken = cancellationToken,
        };
        using var passDone = new CancellationTokenSource();
        var marking = MarkConfirmedPeriodicallyAsync(passDone.Token);
        try
        {
            await Parallel.ForEachAsync(
                due.GroupBy(d => d.Channel),
                parallel,
                (channel, token) => DeliverInOrderAsync(channel.ToList(), updates, token)
            );
        }
        finally
        {
            await passDone.CancelAsync();
            await marking;
            MarkConfirmed();
        }
        return due.Count;
    }

    /// <summary>
    /// Confirmed deliveries are marked in one commit per interval rather than one each: on a database file every
    /// commit is a disk flush, which would otherwise cap fan-out well below the platforms' rate limits.
    /// </summary>
    private async Task MarkConfirmedPeriodicallyAsync(CancellationToken passDone)
    {
        using var timer = new PeriodicTimer(_options.MarkInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(passDone))
                MarkConfirmed();
        }
        catch (OperationCanceledException) when (passDone.IsCancellationRequested)
        {
            // the pass is over; the caller marks what is left
        }
    }

    private void MarkConfirmed()
    {
        lock (_marking)
        {
            var batch = new List<(Delivery Delivery, LastDelivery Last)>();
            while (_confirmed.TryDequeue(out var confirmed))
                batch.Add(confirmed);
            if (batch.Count == 0)
                return;
            try
            {
                _store.InTransaction(() =>
                {
                    foreach (var (delivery, last) in batch)
                        _outbox.MarkDelivered(delivery.Key, last.At);
                    foreach (var latest in batch.GroupBy(c => c.Delivery.SubscriptionId))
                        _subscriptions.RecordDelivery(latest.Key, latest.Last().Last);
                    return batch.Count;
                });
            }
            catch (StorageUnavailableException)
            {
                // Not lost: recorded by the next mark that the disk takes.
                foreach (var confirmed in batch)
                    _confirmed.Enqueue(confirmed);
                throw;
            }
        }
    }

    private async ValueTask DeliverInOrderAsync(
        List<Delivery> deliveries,
        Dictionary<long, ReleaseUpdate> updates,
        CancellationToken cancellationToken
    )
    {
        foreach (var delivery in deliveries)
            if (!await DeliverAsync(delivery, updates[delivery.UpdateSeq], cancellationToken))
                return;
    }

    /// <summary>
    /// Returns false when the channel's later updates must wait (a retry is scheduled or the channel paused).
    /// </summary>
    private async Task<bool> DeliverAsync(Delivery delivery, ReleaseUpdate update, CancellationToken cancellationToken)
    {
        var platform = delivery.Channel.Platform;
        var result = await PublishAsync(_publishers[platform], delivery, update, cancellationToken);
        var now = _clock.GetUtcNow();
        _metrics.Delivered(platform, result.Outcome);
        switch (result.Outcome)
        {
            case PublishOutcome.Delivered:
                _confirmed.Enqueue((delivery, new LastDelivery(update.Answer.Headline ?? update.Answer.Title, now)));
                return true;
            case PublishOutcome.RetryLater:
                var attempts = delivery.Attempts + 1;
                // A 429 says exactly when to come back; other failures back off exponentially.
                var wait = result.RetryAfter ?? _options.Backoff(attempts);
                _outbox.MarkRetry(delivery.Key, attempts, now + wait, result.Detail);
                return false;
            default:
                var reason =
                    result.Outcome == PublishOutcome.Forbidden ? PauseReason.Forbidden : PauseReason.ChannelGone;
                _logger.LogWarning(
                    "Pausing subscriptions of {Platform} channel {Channel}: {Reason} {Detail}",
                    platform,
                    delivery.Channel.ChannelId,
                    reason,
                    result.Detail
                );
                _subscriptions.PauseChannel(delivery.Channel, new Pause(reason, result.Detail, now));
                _outbox.MarkHeld(delivery.Key);
                return false;
        }
    }

    private async Task<PublishResult> PublishAsync(
        IChannelPublisher publisher,
        Delivery delivery,
        ReleaseUpdate update,
        CancellationToken cancellationToken
    )
    {
        try
        {
            if (
                delivery.WasInFlight
                && await publisher.CheckInterruptedAsync(delivery.Channel, cancellationToken) is { } known
            )
                return known;
            return await publisher.PublishAsync(
                delivery.Channel,
                update.Answer,
                delivery.Key,
                () =>
                {
                    _outbox.MarkInFlight(delivery.Key);
                    return Task.CompletedTask;
                },
                cancellationToken
            );
        }
        catch (Exception e)
            when (e is not StorageUnavailableException
                && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            )
        {
            _logger.LogWarning(
                e,
                "Publishing {Key} to {Platform} failed; will retry",
                delivery.Key,
                delivery.Channel.Platform
            );
            return new PublishResult(PublishOutcome.RetryLater, e.GetType().Name);
        }
    }

    /// <summary>Channels with a live subscription and a publisher for their platform on this run.</summary>
    private HashSet<string> ActiveChannels(IReadOnlyList<Subscription> subscriptions) =>
        subscriptions
            .Where(s => s.IsActive && _publishers.ContainsKey(s.Channel.Platform))
            .Select(s => s.Channel.Key)
            .ToHashSet();

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero
        : wait > _options.IdlePoll ? _options.IdlePoll
        : wait;
}
