using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// Discord's REST API over one HttpClient (configured in <see cref="DiscordRegistration"/>): paces every request to
/// the global limit, its route's bucket and the invalid-request budget before sending, honours 429 retry_after,
/// retries 5xx and timeouts a bounded number of times with backoff, and returns every other outcome as a value at once.
/// </summary>
public sealed class DiscordRestClient(
    HttpClient http,
    RateLimiter limiter,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<DiscordRestClient> logger
)
{
    public const int MaxAttempts = 5;
    /// <summary>
    /// Bounds one request's real network I/O, so it runs on real time whatever clock paces the requests: on a test
    /// clock moved past it while a loopback answer is legitimately on its way, it would cut that request off.
    /// </summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly Core.Resilience.Backoff Retry = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(8));

    public Task<RestResult> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <param name="sending">
    /// Awaited once, when the first attempt has waited out every limit and is about to leave: from then on the request
    /// may reach Discord.
    /// </param>
    public async Task<RestResult> SendAsync(
        HttpMethod method,
        string path,
        object? body,
        CancellationToken cancellationToken,
        Func<Task>? sending = null
    )
    {
        var route = RouteKey.For(method, path);
        var bucket = limiter.For(route);
        RestResult last = new(RestOutcome.Unreachable, null, Message: "not sent");
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                using (await WaitForLimitAsync(bucket, route, cancellationToken))
                {
                    if (attempt == 1 && sending is not null)
                        await sending();
                    last = await SendOnceAsync(method, path, body, route, bucket, cancellationToken);
                }
                if (last.Outcome is not (RestOutcome.RateLimited or RestOutcome.ServerError or RestOutcome.Unreachable))
                    return last;
                if (attempt == MaxAttempts)
                    break;
                if (last.Outcome != RestOutcome.RateLimited)
                    await Task.Delay(Retry.After(attempt), time, cancellationToken);
            }
            logger.LogWarning(
                "Discord {Route} gave up after {Attempts} attempts: {Result}",
                route.Template,
                MaxAttempts,
                last
            );
            return last;
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>
    /// Waits until the route's bucket has room and, outside interaction routes (which Discord does not count
    /// globally), until the invalid-request budget allows it; the global slot is taken last, just before sending.
    /// </summary>
    private async Task<IDisposable?> WaitForLimitAsync(
        RateLimiter.Bucket bucket,
        RouteKey route,
        CancellationToken cancellationToken
    )
    {
        var delay = limiter.DelayFor(bucket, route.IsInteraction);
        if (!route.IsInteraction && limiter.Invalid.Delay() is var budget && budget > delay)
        {
            delay = budget;
            logger.LogWarning(
                "{Count} invalid requests to Discord in 10 minutes: holding requests for {Delay} to stay clear of a ban",
                limiter.Invalid.Count,
                budget
            );
        }
        if (delay > TimeSpan.Zero)
        {
            metrics.RateLimitWaited(Platform.Discord);
            logger.LogDebug("Waiting {Delay} for the rate limit of {Route}", delay, route.Template);
            await Task.Delay(delay, time, cancellationToken);
        }
        return route.IsInteraction ? null : await limiter.Global.AcquireAsync(cancellationToken);
    }

    private async Task<RestResult> SendOnceAsync(
        HttpMethod method,
        string path,
        object? body,
        RouteKey route,
        RateLimiter.Bucket bucket,
        CancellationToken cancellationToken
    )
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is MultipartMessage multipart)
            request.Content = multipart.ToContent();
        else if (body is not null)
            request.Content = JsonContent.Create(body, DiscordJson.Options.GetTypeInfo(body.GetType()));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            limiter.Update(route, bucket, response.Headers);
            if (CountsAsInvalid(response))
                limiter.Invalid.Record();
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                return RestResult.From(response.StatusCode, text);

            var (retryAfter, isGlobal) = ReadRetryAfter(text, response);
            limiter.RateLimited(bucket, retryAfter, isGlobal);
            logger.LogWarning(
                "Rate limited on {Route} for {RetryAfter} (global: {Global})",
                route.Template,
                retryAfter,
                isGlobal
            );
            return RestResult.From(response.StatusCode, text, retryAfter);
        }
        catch (Exception e)
            when (e is HttpRequestException
                || e is OperationCanceledException && !cancellationToken.IsCancellationRequested
            )
        {
            logger.LogWarning("Discord {Route} unreachable: {Error}", route.Template, e.Message);
            return new RestResult(RestOutcome.Unreachable, null, Message: e.Message);
        }
    }

    /// <summary>What Discord counts towards its ban: 401, 403, and 429 except those of a shared resource's limit.</summary>
    private static bool CountsAsInvalid(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || response.StatusCode == HttpStatusCode.TooManyRequests
            && !(
                response.Headers.TryGetValues("X-RateLimit-Scope", out var scope)
                && scope.Contains("shared", StringComparer.OrdinalIgnoreCase)
            );

    /// <summary>retry_after in the body is seconds as a float; the Retry-After header is the fallback.</summary>
    private static (TimeSpan RetryAfter, bool IsGlobal) ReadRetryAfter(string body, HttpResponseMessage response)
    {
        double? seconds = null;
        var isGlobal = response.Headers.Contains("X-RateLimit-Global");
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var s))
                seconds = s;
            if (json.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                isGlobal = true;
        }
        catch (JsonException) { }
        if (
            seconds is null
            && response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header)
        )
            seconds = header;
        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 300)), isGlobal);
    }
}
