namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// Discord bans an IP for a while after 10,000 invalid requests (401, 403, 429 other than a shared-scope 429) in ten
/// minutes. This counts them over the same window and, once <see cref="Threshold"/> of that allowance is spent, holds
/// every request outside interaction routes until enough of them have aged out: deliveries to channels that went away
/// wait rather than getting the whole bot banned.
/// </summary>
public sealed class InvalidRequestBudget(TimeProvider time)
{
    public const int DiscordLimit = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Stop well before Discord's limit: requests in flight when it is reached still count.</summary>
    public const int Threshold = DiscordLimit * 8 / 10;

    private readonly Queue<DateTimeOffset> _recent = new();

    public int Count
    {
        get
        {
            lock (_recent)
            {
                Expire(time.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    public void Record()
    {
        lock (_recent)
            _recent.Enqueue(time.GetUtcNow());
    }

    /// <summary>How long until a request may go again; zero while under the threshold.</summary>
    public TimeSpan Delay()
    {
        lock (_recent)
        {
            var now = time.GetUtcNow();
            Expire(now);
            if (_recent.Count < Threshold)
                return TimeSpan.Zero;
            return _recent.ElementAt(_recent.Count - Threshold) + Window - now;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= Window)
            _recent.Dequeue();
    }
}
