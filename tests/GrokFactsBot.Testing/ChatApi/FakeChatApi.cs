using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GrokFactsBot.Testing.ChatApi;

/// <summary>
/// A loopback stand-in for Discord's create-message endpoint (POST /channels/{id}/messages) that enforces a global
/// limit of N requests in any one second with real 429 bodies, answers 403/404 like Discord for channels set up so,
/// can fail with 500, and dedupes by nonce when enforce_nonce is set.
/// </summary>
public sealed class FakeChatApi : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly SlidingWindow _limit;
    private readonly ConcurrentDictionary<(string Channel, string Nonce), string> _messages = new();
    private int _requests,
        _rateLimited;

    private FakeChatApi(int perSecond) => _limit = new SlidingWindow(perSecond);

    public ConcurrentDictionary<string, int> Forbidden { get; } = new();
    public ConcurrentDictionary<string, int> Gone { get; } = new();
    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;
    public int Requests => Volatile.Read(ref _requests);
    public int RateLimited => Volatile.Read(ref _rateLimited);
    public int MessageCount => _messages.Count;

    public int MessagesIn(string channel) => _messages.Keys.Count(k => k.Channel == channel);

    public static async Task<FakeChatApi> StartAsync(int perSecond = 50)
    {
        var api = new FakeChatApi(perSecond);
        api._server = await LoopbackServer.StartAsync(app =>
            app.MapPost("/channels/{channel}/messages", (string channel, MessageBody body) => api.Post(channel, body))
        );
        api.BaseAddress = api._server.BaseAddress;
        return api;
    }

    private IResult Post(string channel, MessageBody body)
    {
        Interlocked.Increment(ref _requests);
        if (_limit.TryTake() is { } retryAfter)
        {
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
        if (Forbidden.ContainsKey(channel))
            return Results.Json(new { message = "Missing Permissions", code = 50013 }, statusCode: 403);
        if (Gone.ContainsKey(channel))
            return Results.Json(new { message = "Unknown Channel", code = 10003 }, statusCode: 404);
        if (
            FailuresLeft.TryGetValue(channel, out var left)
            && left > 0
            && FailuresLeft.TryUpdate(channel, left - 1, left)
        )
            return Results.Json(new { message = "Internal Server Error" }, statusCode: 500);
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public sealed record MessageBody(
        string? Content,
        string? Nonce,
        [property: JsonPropertyName("enforce_nonce")] bool EnforceNonce
    );
}
