using System.Net;
using System.Net.Http.Headers;
using GrokFactsBot.Core.Resilience;

namespace GrokFactsBot.Core.Watch;

public enum FetchOutcome
{
    /// <summary>200 with a body.</summary>
    Fresh,

    /// <summary>304: unchanged since the ETag we sent.</summary>
    NotModified,

    /// <summary>401/403/404/410: not there for us (deleted, made private, or never public).</summary>
    Gone,

    /// <summary>429, or the host is still cooling off from one.</summary>
    RateLimited,

    /// <summary>Our own per-host budget is spent for now.</summary>
    OverBudget,

    /// <summary>5xx, timeouts and network errors after the retries, or an unexpected status.</summary>
    Failed,
}

/// <summary>One GET as the watcher saw it, with what it cost on the wire.</summary>
public sealed record Fetched(
    FetchOutcome Outcome,
    string? Body = null,
    string? ETag = null,
    Uri? Next = null,
    string? Detail = null,
    int Requests = 0,
    long Bytes = 0
);

/// <summary>How a watcher talks to its host: budget, timeout, retries of 5xx.</summary>
public sealed record PoliteHttpSettings(int RequestBudget, TimeSpan BudgetWindow, TimeSpan Timeout, int Retries)
{
    public static readonly Backoff ServerErrorBackoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
}

/// <summary>
/// GETs that a public API is glad to serve: conditional (If-None-Match), within a per-host budget, retrying 5xx
/// and timeouts with backoff, and stopping at a 429 until its Retry-After has passed. Every outcome is a value.
/// </summary>
public sealed class PoliteHttp(HttpClient http, RequestBudgets budgets, PoliteHttpSettings settings, TimeProvider clock)
{
    /// <summary>Raised when a retry has been scheduled (the wait has started), with how long it is.</summary>
    public event Action<TimeSpan>? WaitingToRetry;

    public async Task<Fetched> GetAsync(Uri url, string? etag, CancellationToken cancellationToken)
    {
        var requests = 0;
        long bytes = 0;
        for (var attempt = 1; ; attempt++)
        {
            if (!budgets.TryTake(url.Host, settings.RequestBudget, settings.BudgetWindow, out var refusal))
            {
                var outcome = budgets.CoolingUntil(url.Host) is null ? FetchOutcome.OverBudget : FetchOutcome.RateLimited;
                return new Fetched(outcome, Detail: refusal, Requests: requests, Bytes: bytes);
            }
            requests++;
            var (result, size) = await SendAsync(url, etag, cancellationToken);
            bytes += size;
            if (result.Outcome != FetchOutcome.Failed || result.Retryable is false || attempt > settings.Retries)
                return result.Fetched with { Requests = requests, Bytes = bytes };
            var wait = PoliteHttpSettings.ServerErrorBackoff.After(attempt);
            var delay = Task.Delay(wait, clock, cancellationToken);
            WaitingToRetry?.Invoke(wait);
            await delay;
        }
    }

    private async Task<(Attempt Result, long Bytes)> SendAsync(Uri url, string? etag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
            request.Headers.IfNoneMatch.Add(tag);
        using var timeout = new CancellationTokenSource(settings.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // Read whole, so the client's MaxResponseContentBufferSize caps what a host can make us hold.
            using var response = await http.SendAsync(request, linked.Token);
            var body = response.StatusCode == HttpStatusCode.OK
                ? await response.Content.ReadAsByteArrayAsync(linked.Token)
                : [];
            var size = HeaderBytes(response) + body.Length;
            return (Interpret(response, body), size);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Attempt.Retry($"no answer within {settings.Timeout.TotalSeconds:0.#} s"), 0);
        }
        catch (HttpRequestException e)
        {
            return (Attempt.Retry(e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString()), 0);
        }
    }

    private Attempt Interpret(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return new Attempt(
                    new Fetched(
                        FetchOutcome.Fresh,
                        System.Text.Encoding.UTF8.GetString(body),
                        response.Headers.ETag?.ToString(),
                        NextLink(response)
                    )
                );
            case HttpStatusCode.NotModified:
                return new Attempt(new Fetched(FetchOutcome.NotModified, ETag: response.Headers.ETag?.ToString()));
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone:
                return new Attempt(new Fetched(FetchOutcome.Gone, Detail: $"HTTP {status}"));
            case HttpStatusCode.TooManyRequests:
                var now = clock.GetUtcNow();
                var wait = RetryAfter.From(response.Headers.RetryAfter, now) ?? PoliteHttpSettings.ServerErrorBackoff.Max;
                budgets.CoolOff(response.RequestMessage!.RequestUri!.Host, now + wait);
                return new Attempt(
                    new Fetched(FetchOutcome.RateLimited, Detail: $"HTTP 429, Retry-After {wait.TotalSeconds:0} s")
                );
            default:
                return status >= 500 ? Attempt.Retry($"HTTP {status}") : new Attempt(new Fetched(FetchOutcome.Failed, Detail: $"HTTP {status}"), false);
        }
    }

    /// <summary>The Link header's rel="next" target, as the Hub pages its listings.</summary>
    private static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
            return null;
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (
                pieces.Length > 1
                && pieces[0].StartsWith('<')
                && pieces[0].EndsWith('>')
                && pieces.Skip(1).Any(p => p.Replace(" ", "") is "rel=\"next\"" or "rel=next")
                && Uri.TryCreate(response.RequestMessage!.RequestUri, pieces[0][1..^1], out var next)
            )
                return next;
        }
        return null;
    }

    private static long HeaderBytes(HttpResponseMessage response) =>
        16
        + response
            .Headers.Concat(response.Content.Headers)
            .Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v.Length));

    private sealed record Attempt(Fetched Fetched, bool? Retryable = null)
    {
        public FetchOutcome Outcome => Fetched.Outcome;

        public static Attempt Retry(string detail) => new(new Fetched(FetchOutcome.Failed, Detail: detail), true);
    }
}
