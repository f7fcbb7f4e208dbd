using System.Security.Cryptography;
using System.Text;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Storage;
using LiteDB;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// One (update, channel) pair still to send. <see cref="WasInFlight"/>: a send started before a restart.
/// </summary>
public sealed record Delivery(
    string Key,
    long UpdateSeq,
    string SubscriptionId,
    ChannelAddress Channel,
    int Attempts,
    bool WasInFlight
);

/// <summary>
/// The durable outbox: updates (appended in the same LiteDB transaction as the change they report) and one
/// delivery row per (update, channel), keyed by a short stable delivery key. A row is marked delivered only after
/// the platform confirmed the post, so a restart resumes exactly at the rows still pending.
/// </summary>
public sealed class UpdateOutbox : IDisposable
{
    private const string Pending = "pending",
        Delivered = "delivered",
        Cancelled = "cancelled";
    private readonly KnowledgeStore _store;
    private readonly ILiteCollection<BsonDocument> _updates;
    private readonly ILiteCollection<BsonDocument> _deliveries;
    private readonly SemaphoreSlim _workArrived = new(0, 1);

    public UpdateOutbox(KnowledgeStore store)
    {
        _store = store;
        _updates = store.Database.GetCollection("updates", BsonAutoId.Int64);
        _deliveries = store.Database.GetCollection("deliveries");
        _updates.EnsureIndex("fannedOut", "$.fannedOut");
        _deliveries.EnsureIndex("state", "$.state");
        _deliveries.EnsureIndex("subscriptionId", "$.subscriptionId");
    }

    public long LastSeq => _updates.Count() == 0 ? 0 : _updates.Max().AsInt64;

    /// <summary>
    /// Appends an update; call it inside the transaction that wrote the change, then <see cref="Notify"/> after commit.
    /// </summary>
    public long Append(ReleaseUpdate update) => _updates.Insert(OutboxDocuments.From(update)).AsInt64;

    public ReleaseUpdate? FindUpdate(long seq) =>
        _updates.FindById(seq) is { } doc ? OutboxDocuments.ToUpdate(doc) : null;

    public IReadOnlyList<ReleaseUpdate> Recent(long upToSeq, int count) =>
        _updates
            .Find(Query.LTE("_id", upToSeq))
            .OrderByDescending(d => d["_id"].AsInt64)
            .Take(count)
            .Select(OutboxDocuments.ToUpdate)
            .ToList();

    public void Notify()
    {
        try
        {
            _workArrived.Release();
        }
        catch (SemaphoreFullException)
        { /* already signalled */
        }
    }

    public async Task WaitForWorkAsync(TimeSpan atMost, CancellationToken cancellationToken) =>
        await _workArrived.WaitAsync(atMost, cancellationToken);

    /// <summary>
    /// Turns each new update into delivery rows for the subscriptions that want it, one transaction per update.
    /// </summary>
    public int FanOut(IReadOnlyList<Subscription> subscriptions)
    {
        var created = 0;
        foreach (var doc in _updates.Find(Query.EQ("fannedOut", false)).OrderBy(d => d["_id"].AsInt64).ToList())
        {
            var update = OutboxDocuments.ToUpdate(doc);
            created += _store.InTransaction(() =>
            {
                var rows = subscriptions.Where(s => s.Wants(update)).Count(s => AddDelivery(update.Seq, s));
                doc["fannedOut"] = true;
                _updates.Update(doc);
                return rows;
            });
        }
        return created;
    }

    /// <summary>
    /// Queues the <paramref name="count"/> most recent earlier updates the subscription would have wanted.
    /// </summary>
    public int Backfill(Subscription subscription, int count)
    {
        var wanted = Recent(subscription.AfterSeq, 200)
            .Where(u => (subscription with { AfterSeq = 0 }).Wants(u))
            .Take(count)
            .ToList();
        return wanted.Count(u => AddDelivery(u.Seq, subscription));
    }

    /// <summary>One row per (update, channel): two subscriptions in one channel still get a single message.</summary>
    private bool AddDelivery(long seq, Subscription subscription)
    {
        var key = DeliveryKey(seq, subscription.Channel);
        if (_deliveries.FindById(key) is not null)
            return false;
        _deliveries.Insert(
            new BsonDocument
            {
                ["_id"] = key,
                ["seq"] = seq,
                ["subscriptionId"] = subscription.Id,
                ["channelKey"] = subscription.Channel.Key,
                ["platform"] = subscription.Channel.Platform.ToString(),
                ["channelId"] = subscription.Channel.ChannelId,
                ["scope"] = subscription.Channel.Scope,
                ["state"] = Pending,
                ["attempts"] = 0,
                ["dueAt"] = DateTime.MinValue,
                ["inFlight"] = false,
            }
        );
        return true;
    }

    /// <summary>≤ 25 characters (Discord's nonce limit), the same for this (update, channel) on every run.</summary>
    public static string DeliveryKey(long seq, ChannelAddress channel)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(channel.Key));
        return $"u{seq}-{Convert.ToHexString(hash, 0, 6).ToLowerInvariant()}";
    }

    public IReadOnlyList<Delivery> Due(DateTimeOffset now, IReadOnlySet<string> activeChannels) =>
        PendingRows()
            .Where(d => activeChannels.Contains(d["channelKey"].AsString) && OutboxDocuments.Utc(d["dueAt"]) <= now)
            .OrderBy(d => d["seq"].AsInt64)
            .Select(d => new Delivery(
                d["_id"].AsString,
                d["seq"].AsInt64,
                d["subscriptionId"].AsString,
                new ChannelAddress(
                    Enum.Parse<Platform>(d["platform"].AsString),
                    d["channelId"].AsString,
                    d["scope"].IsNull ? null : d["scope"].AsString
                ),
                d["attempts"].AsInt32,
                d["inFlight"].AsBoolean
            ))
            .ToList();

    public DateTimeOffset? NextDue(IReadOnlySet<string> activeChannels) =>
        PendingRows()
            .Where(d => activeChannels.Contains(d["channelKey"].AsString))
            .Select(d => (DateTimeOffset?)OutboxDocuments.Utc(d["dueAt"]))
            .Min();

    /// <summary>Updates raised but not yet turned into deliveries.</summary>
    public bool HasUpdatesToFanOut => _updates.Exists(Query.EQ("fannedOut", false));

    public long PendingCount => _deliveries.Count(Query.EQ("state", Pending));

    public int DeliveredCount => _deliveries.Count(Query.EQ("state", Delivered));

    public int PendingFor(string subscriptionId) =>
        _deliveries.Count(Query.And(Query.EQ("subscriptionId", subscriptionId), Query.EQ("state", Pending)));

    /// <summary>
    /// Flags a delivery as possibly sent, committed before its request leaves, so a restart can tell which may
    /// already be out.
    /// </summary>
    public void MarkInFlight(string key) =>
        _store.InTransaction(() =>
        {
            Change(key, d => d["inFlight"] = true);
            return 1;
        });

    public void MarkDelivered(string key, DateTimeOffset at) =>
        Change(
            key,
            d =>
            {
                d["state"] = Delivered;
                d["inFlight"] = false;
                d["deliveredAt"] = at.UtcDateTime;
            }
        );

    public void MarkRetry(string key, int attempts, DateTimeOffset dueAt, string? detail) =>
        Change(
            key,
            d =>
            {
                d["attempts"] = attempts;
                d["dueAt"] = dueAt.UtcDateTime;
                d["inFlight"] = false;
                d["detail"] = detail;
            }
        );

    /// <summary>A send that a paused channel refused is not a failed attempt; it waits for <c>resume</c>.</summary>
    public void MarkHeld(string key) => Change(key, d => d["inFlight"] = false);

    public int CancelPending(string subscriptionId)
    {
        var rows = _deliveries
            .Find(Query.And(Query.EQ("subscriptionId", subscriptionId), Query.EQ("state", Pending)))
            .ToList();
        foreach (var row in rows)
        {
            row["state"] = Cancelled;
            _deliveries.Update(row);
        }
        return rows.Count;
    }

    public void Dispose() => _workArrived.Dispose();

    private IEnumerable<BsonDocument> PendingRows() => _deliveries.Find(Query.EQ("state", Pending));

    private void Change(string key, Action<BsonDocument> change)
    {
        if (_deliveries.FindById(key) is not { } doc)
            return;
        change(doc);
        _deliveries.Update(doc);
    }
}
