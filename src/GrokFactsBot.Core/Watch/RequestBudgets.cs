namespace GrokFactsBot.Core.Watch;

/// <summary>
/// What each watched host lets us spend: at most a set number of requests in any sliding window, and nothing at all
/// while the host has asked us to back off (429 Retry-After, or repeated 5xx). Shared by every watcher of one host.
/// </summary>
public sealed class RequestBudgets(TimeProvider clock)
{
    private readonly Dictionary<string, HostLedger> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes one request from the host's budget, or says why not.</summary>
    public bool TryTake(string host, int perWindow, TimeSpan window, out string? refusal)
    {
        var now = clock.GetUtcNow();
        var ledger = Ledger(host);
        lock (ledger)
        {
            if (ledger.CoolingUntil is { } until && until > now)
            {
                refusal = $"{host} asked us to wait until {until:HH:mm:ss} UTC";
                return false;
            }
            while (ledger.Sent.Count > 0 && ledger.Sent.Peek() <= now - window)
                ledger.Sent.Dequeue();
            if (ledger.Sent.Count >= perWindow)
            {
                refusal = $"the budget of {perWindow} requests to {host} per {window.TotalMinutes:0.#} min is spent";
                return false;
            }
            ledger.Sent.Enqueue(now);
            refusal = null;
            return true;
        }
    }

    /// <summary>No requests to the host before <paramref name="until"/>.</summary>
    public void CoolOff(string host, DateTimeOffset until)
    {
        var ledger = Ledger(host);
        lock (ledger)
            if (ledger.CoolingUntil is not { } current || current < until)
                ledger.CoolingUntil = until;
    }

    public DateTimeOffset? CoolingUntil(string host)
    {
        var ledger = Ledger(host);
        lock (ledger)
            return ledger.CoolingUntil is { } until && until > clock.GetUtcNow() ? until : null;
    }

    private HostLedger Ledger(string host)
    {
        lock (_hosts)
        {
            if (!_hosts.TryGetValue(host, out var ledger))
                _hosts[host] = ledger = new HostLedger();
            return ledger;
        }
    }

    private sealed class HostLedger
    {
        public Queue<DateTimeOffset> Sent { get; } = new();
        public DateTimeOffset? CoolingUntil { get; set; }
    }
}
