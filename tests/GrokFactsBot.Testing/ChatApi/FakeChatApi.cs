using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GrokFactsBot.Testing.ChatApi;

/// <summary>
/// A loopback stand-in for Discord's create-message endpoint (POST /channels/{id}/messages) and GET /channels/{id},
/// enforcing a global limit of N requests in any one second over both with real 429 bodies. It answers 403/404 like
/// Discord for channels set up so (on both routes: a forbidden channel is one the bot lost access to), can fail with
/// 500 or answer dead channels slowly, sends per-channel X-RateLimit headers (5 per 5 s), and dedupes by nonce when
/// enforce_nonce is set.
/// </summary>
public sealed class FakeChatApi : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly SlidingWindow _limit;
    private readonly ConcurrentDictionary<(string Channel, string Nonce), string> _messages = new();
    private int _requests,
        _rateLimited,
        _gets,
        _deadInFlight;
    private readonly TaskCompletionSource _firstDeadPostHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _firstRequestAt,
        _lastRequestAt;

    private FakeChatApi(int perSecond) => _limit = new SlidingWindow(perSecond);

    public ConcurrentDictionary<string, int> Forbidden { get; } = new();
    public ConcurrentDictionary<string, int> Gone { get; } = new();
    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    /// <summary>POSTs per channel, answered or not.</summary>
    public ConcurrentDictionary<string, int> Posts { get; } = new();

    /// <summary>How long a 403/404 takes to come back, so that a crash can find such requests in flight.</summary>
    public TimeSpan DeadChannelLatency { get; set; } = TimeSpan.Zero;

    public Uri BaseAddress { get; private set; } = null!;
    public int Requests => Volatile.Read(ref _requests);
    public int Gets => Volatile.Read(ref _gets);

    /// <summary>Completes when the first post to a dead channel has arrived and its answer is being held back.</summary>
    public Task FirstDeadPostHeld => _firstDeadPostHeld.Task;

    /// <summary>403/404 answers to posts still on their way back.</summary>
    public int DeadInFlight => Volatile.Read(ref _deadInFlight);

    /// <summary>From the first request that arrived to the latest.</summary>
    public TimeSpan Busy =>
        Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstRequestAt), Interlocked.Read(ref _lastRequestAt));
    public int RateLimited => Volatile.Read(ref _rateLimited);
    public int MessageCount => _messages.Count;

    public int MessagesIn(string channel) => _messages.Keys.Count(k => k.Channel == channel);

    public static async Task<FakeChatApi> StartAsync(int perSecond = 50)
    {
        var api = new FakeChatApi(perSecond);
        api._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost(
                "/channels/{channel}/messages",
                (string channel, MessageBody body, HttpContext context) => api.PostAsync(channel, body, context)
            );
            app.MapGet("/channels/{channel}", (string channel) => api.Get(channel));
        });
        api.BaseAddress = api._server.BaseAddress;
        return api;
    }

    private void Arrived()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstRequestAt, now, 0);
        Interlocked.Exchange(ref _lastRequestAt, now);
        Interlocked.Increment(ref _requests);
    }

    private IResult Get(string channel)
    {
        Arrived();
        Interlocked.Increment(ref _gets);
        return RateLimitedAnswer() ?? DeadAnswer(channel) ?? Results.Json(new { id = channel, type = 0 });
    }

    private async Task<IResult> PostAsync(string channel, MessageBody body, HttpContext context)
    {
        Arrived();
        if (RateLimitedAnswer() is { } limited)
            return limited;
        Posts.AddOrUpdate(channel, 1, (_, n) => n + 1);
        if (DeadAnswer(channel) is { } dead)
        {
            Interlocked.Increment(ref _deadInFlight);
            _firstDeadPostHeld.TrySetResult();
            try
            {
                // Server-side latency, not synchronisation; a client that gives up (or dies) ends the wait.
                await Task.Delay(DeadChannelLatency, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
            finally
            {
                Interlocked.Decrement(ref _deadInFlight);
            }
            return dead;
        }
        if (
            FailuresLeft.TryGetValue(channel, out var left)
            && left > 0
            && FailuresLeft.TryUpdate(channel, left - 1, left)
        )
            return Results.Json(new { message = "Internal Server Error" }, statusCode: 500);
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = "4";
        context.Response.Headers["X-RateLimit-Reset-After"] = "5.000";
        context.Response.Headers["X-RateLimit-Bucket"] = "create-message";
        // enforce_nonce: a nonce seen before in this channel returns the earlier message instead of posting again.
        var id = _messages.GetOrAdd(
            (channel, body.Nonce ?? Guid.NewGuid().ToString()),
            _ => Guid.NewGuid().ToString("N")
        );
        return Results.Json(
            new
            {
                id,
                channel_id = channel,
                content = body.Content,
                nonce = body.Nonce,
            }
        );
    }

    private IResult? RateLimitedAnswer()
    {
        if (_limit.TryTake() is not { } retryAfter)
            return null;
        Interlocked.Increment(ref _rateLimited);
        return Results.Json(
            new
            {
                message = "You are being rate limited.",
                retry_after = retryAfter.TotalSeconds,
                global = true,
            },
            statusCode: 429
        );
    }

    private IResult? DeadAnswer(string channel) =>
        Forbidden.ContainsKey(channel) ? Results.Json(new { message = "Missing Access", code = 50001 }, statusCode: 403)
        : Gone.ContainsKey(channel) ? Results.Json(new { message = "Unknown Channel", code = 10003 }, statusCode: 404)
        : null;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public sealed record MessageBody(
        string? Content,
        string? Nonce,
        [property: JsonPropertyName("enforce_nonce")] bool EnforceNonce
    );
}
