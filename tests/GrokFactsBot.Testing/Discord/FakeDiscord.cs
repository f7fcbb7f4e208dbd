using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GrokFactsBot.Testing.Discord;

public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset At
)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

public sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// Discord on 127.0.0.1: REST endpoints that record every request and answer from a script (default 200 "{}"),
/// and a Gateway WebSocket at /gateway and /resume whose connections the test drives.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<RecordedRequest> _answered = [];
    private TaskCompletionSource _nextAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();

    /// <summary>Decides each REST answer; null falls through to 200 "{}".</summary>
    public Func<RecordedRequest, FakeResponse?> Respond { get; set; } = _ => null;

    private FakeDiscord() { }

    public string BaseUrl => _server.BaseUrl;

    public string ApiBaseUrl => BaseUrl + "/api/v10";

    public string GatewayUrl => BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/gateway";

    public string ResumeUrl => BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/resume";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeDiscord> StartAsync()
    {
        var fake = new FakeDiscord();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/gateway", fake.AcceptGatewayAsync);
            app.Map("/resume", fake.AcceptGatewayAsync);
            app.Map("/api/v10/{**rest}", fake.RestAsync);
        });
        return fake;
    }

    /// <summary>
    /// The first answered REST request matching <paramref name="match"/>, already answered or yet to come; waiting
    /// for one never hides it from another wait.
    /// </summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task next;
            lock (_answered)
            {
                if (_answered.FirstOrDefault(match) is { } found)
                    return found;
                next = _nextAnswered.Task;
            }
            await next.WaitAsync(guard.Token);
        }
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _connections.Reader.ReadAsync(guard.Token);
    }

    private async Task RestAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value!["/api/v10".Length..];
        var request = new RecordedRequest(
            context.Request.Method,
            path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow
        );
        _requests.Enqueue(request);
        var response =
            Respond(request)
            ?? (
                path == "/gateway/bot"
                    ? new FakeResponse(200, $$"""{"url":"{{GatewayUrl}}"}""")
                    : new FakeResponse(200, "{}")
            );
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
        await context.Response.CompleteAsync();
        lock (_answered)
        {
            _answered.Add(request);
            var answered = _nextAnswered;
            _nextAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            answered.SetResult();
        }
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(
            socket,
            context.Request.Path.Value!.TrimEnd('/'),
            context.Request.QueryString.Value ?? "",
            ResumeUrl
        );
        _connections.Writer.TryWrite(connection);
        await connection.Finished;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>
/// One client connection to the fake Gateway: sends Hello at once, acknowledges heartbeats, and otherwise does what the
/// test says.
/// </summary>
public sealed class FakeGatewayConnection
{
    private readonly WebSocket _socket;
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly string _resumeUrl;
    private int _seq;

    public FakeGatewayConnection(WebSocket socket, string path, string query, string resumeUrl)
    {
        _socket = socket;
        _resumeUrl = resumeUrl;
        Path = path;
        Query = query;
        _ = RunAsync();
    }

    public string Path { get; }

    public string Query { get; }

    public Task Finished => _finished.Task;

    /// <summary>The next message from the bot other than a heartbeat.</summary>
    public async Task<JsonNode> ReceiveAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _received.Reader.ReadAsync(guard.Token);
    }

    public Task SendAsync(string json) => SendRawAsync(json);

    public Task DispatchAsync(string eventName, JsonNode data, int? seq = null)
    {
        _seq = seq ?? _seq + 1;
        return SendRawAsync(
            new JsonObject
            {
                ["op"] = 0,
                ["t"] = eventName,
                ["s"] = _seq,
                ["d"] = data,
            }.ToJsonString()
        );
    }

    public Task ReadyAsync(string sessionId) =>
        DispatchAsync(
            "READY",
            new JsonObject
            {
                ["v"] = 10,
                ["session_id"] = sessionId,
                ["resume_gateway_url"] = _resumeUrl,
                ["user"] = new JsonObject { ["id"] = "1" },
            }
        );

    public async Task CloseAsync(int code)
    {
        await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        _finished.TrySetResult();
    }

    /// <summary>Ends the TCP connection without a close handshake, as a network drop does.</summary>
    public void Drop()
    {
        _socket.Abort();
        _finished.TrySetResult();
    }

    private async Task RunAsync()
    {
        try
        {
            await SendRawAsync("""{"op":10,"d":{"heartbeat_interval":45000},"s":null,"t":null}""");
            var buffer = new byte[16384];
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!;
                if ((int)message["op"]! == 1)
                    await SendRawAsync("""{"op":11,"d":null}""");
                else
                    _received.Writer.TryWrite(message);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        _finished.TrySetResult();
    }

    private async Task SendRawAsync(string json)
    {
        await _sendGate.WaitAsync();
        try
        {
            await _socket.SendAsync(
                Encoding.UTF8.GetBytes(json),
                WebSocketMessageType.Text,
                true,
                CancellationToken.None
            );
        }
        finally
        {
            _sendGate.Release();
        }
    }
}
