using System.Collections;

namespace GrokFactsBot.Benchmarks.LoadTest;

/// <summary>
/// A scenario's signed requests, signed again before Slack's five-minute replay window closes on them: a run longer
/// than that (the ten-minute steady load) would otherwise see every Slack request rejected as stale from minute five.
/// One sender re-signs while the others keep sending the current, still valid, set.
/// </summary>
public sealed class SignedPool(string scenario, int stubPort) : IReadOnlyList<SignedRequest>
{
    private static readonly TimeSpan ResignAfter = TimeSpan.FromMinutes(2);

    private IReadOnlyList<SignedRequest> _current = SignedRequests.Pool(scenario, stubPort);
    private long _signedAt = Environment.TickCount64;
    private int _resigning;

    public int Count => _current.Count;

    public SignedRequest this[int index] => Current[index];

    private IReadOnlyList<SignedRequest> Current
    {
        get
        {
            if (
                Environment.TickCount64 - Volatile.Read(ref _signedAt) > ResignAfter.TotalMilliseconds
                && Interlocked.Exchange(ref _resigning, 1) == 0
            )
            {
                Volatile.Write(ref _current, SignedRequests.Pool(scenario, stubPort));
                Volatile.Write(ref _signedAt, Environment.TickCount64);
                Volatile.Write(ref _resigning, 0);
            }
            return Volatile.Read(ref _current);
        }
    }

    public IEnumerator<SignedRequest> GetEnumerator() => Current.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
