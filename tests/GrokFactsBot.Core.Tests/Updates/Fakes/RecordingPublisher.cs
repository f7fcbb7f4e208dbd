using System.Collections.Concurrent;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Tests.Updates.Fakes;

/// <summary>
/// An in-memory channel publisher that behaves like Discord's message endpoint with enforce_nonce: a repeated
/// nonce in a channel returns the first message instead of posting again. Outcomes can be scripted per channel.
/// </summary>
public sealed class RecordingPublisher(Platform platform) : IChannelPublisher
{
    private readonly ConcurrentDictionary<(string Channel, string Nonce), Answer> _messages = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<PublishResult>> _scripts = new();
    private int _calls;

    public Platform Platform => platform;

    /// <summary>
    /// Called after a message is stored and before the result returns: the window a crash can fall into.
    /// </summary>
    public Func<CancellationToken, Task>? AfterPosting { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<Answer> MessagesIn(string channelId) =>
        _messages.Where(m => m.Key.Channel == channelId).Select(m => m.Value).ToList();

    public int MessageCount => _messages.Count;

    public void Script(string channelId, params PublishResult[] results) => _scripts[channelId] = new(results);

    public async Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        CancellationToken cancellationToken
    )
    {
        Interlocked.Increment(ref _calls);
        if (
            _scripts.TryGetValue(channel.ChannelId, out var script)
            && script.TryDequeue(out var scripted)
            && scripted.Outcome != PublishOutcome.Delivered
        )
            return scripted;
        _messages.TryAdd((channel.ChannelId, deliveryKey), update);
        if (AfterPosting is { } after)
            await after(cancellationToken);
        return PublishResult.Delivered;
    }
}
