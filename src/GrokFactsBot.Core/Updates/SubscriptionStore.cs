using GrokFactsBot.Core.Storage;
using LiteDB;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// Channels' subscriptions in LiteDB. Every change is a single-document write, atomic and durable on commit.
/// </summary>
public sealed class SubscriptionStore
{
    private readonly ILiteCollection<BsonDocument> _subscriptions;

    public SubscriptionStore(KnowledgeStore store)
    {
        _subscriptions = store.Database.GetCollection("subscriptions");
        _subscriptions.EnsureIndex("channelKey", "$.channelKey");
    }

    public IReadOnlyList<Subscription> All() =>
        _subscriptions.FindAll().Select(OutboxDocuments.ToSubscription).ToList();

    public IReadOnlyList<Subscription> ForChannel(ChannelAddress channel) =>
        _subscriptions
            .Find(Query.EQ("channelKey", channel.Key))
            .Select(OutboxDocuments.ToSubscription)
            .OrderBy(s => s.CreatedAt)
            .ToList();

    public Subscription? Find(string id) =>
        _subscriptions.FindById(id) is { } doc ? OutboxDocuments.ToSubscription(doc) : null;

    public bool Exists(string id) => _subscriptions.FindById(id) is not null;

    public void Save(Subscription subscription) => _subscriptions.Upsert(OutboxDocuments.From(subscription));

    public void Remove(string id) => _subscriptions.Delete(id);

    /// <summary>Pauses every subscription of a channel: a 403 or 404 is about the channel, not one filter.</summary>
    public void PauseChannel(ChannelAddress channel, Pause pause)
    {
        foreach (var subscription in ForChannel(channel).Where(s => s.IsActive))
            Save(subscription with { Paused = pause });
    }

    public void RecordDelivery(string subscriptionId, LastDelivery last)
    {
        if (Find(subscriptionId) is { } subscription)
            Save(subscription with { Last = last });
    }
}
