using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GrokFactsBot.Testing.Discord;

/// <summary>A file sent in a multipart request, as Discord would store it.</summary>
public sealed record RecordedFile(string Field, string FileName, string ContentType, byte[] Bytes)
{
    public bool IsPng => Png.Is(Bytes);
}

/// <summary>
/// A REST request as the fake received it. A multipart/form-data request's <see cref="Body"/> is its
/// payload_json and its files are in <see cref="Files"/>.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset At
)
{
    public IReadOnlyList<RecordedFile> Files { get; init; } = [];

    public JsonNode Json => JsonNode.Parse(Body)!;
}

public sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>An Identify or Resume the fake Gateway accepted: which shard (null when none was named), when, where.</summary>
public sealed record GatewayOpening(
    int Op,
    int? ShardId,
    int? TotalShards,
    string? SessionId,
    DateTimeOffset At,
    FakeGatewayConnection Connection
);

/// <summary>
/// Discord on 127.0.0.1: REST endpoints that record every request and answer from a script (default 200 "{}"),
/// and a Gateway WebSocket at /gateway and /resume whose connections the test drives. The Gateway demands sharding
/// as Discord does: with more than 2,500 guilds per shard an identify gets close 4011, a bad shard close 4010, and a
/// second identify in one max_concurrency bucket within 5 s (on <see cref="Time"/>) gets op 9 and is counted in
/// <see cref="BucketViolations"/>.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<RecordedRequest> _answered = [];
    private TaskCompletionSource _nextAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();

    /// <summary>
    /// How long each REST answer takes (a slow platform; on <see cref="Time"/>): the request is recorded as it
    /// arrives and counted as answered once its answer is out. A client that gives up first gets none.
    /// </summary>
    public Func<RecordedRequest, TimeSpan> Latency { get; set; } = _ => TimeSpan.Zero;

    /// <summary>The REST requests whose answers are out, in the order they went.</summary>
    public IReadOnlyList<RecordedRequest> Answered
    {
        get
        {
            lock (_answered)
                return [.. _answered];
        }
    }

    /// <summary>Decides each REST answer; null falls through to 200 "{}".</summary>
    public Func<RecordedRequest, FakeResponse?> Respond { get; set; } = _ => null;

    public const int GuildsPerShard = 2500;
    public static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly Channel<GatewayOpening> _openings = Channel.CreateUnbounded<GatewayOpening>();
    private int _sessions;

    /// <summary>Guilds the bot is in; GET /gateway/bot recommends one shard per 1,000 unless told otherwise.</summary>
    public int Guilds { get; set; } = 1;

    public int? RecommendedShards { get; set; }

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// The clock the identify buckets are kept on and requests are stamped with: the same FakeTimeProvider the bots
    /// run on.
    /// </summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Answer a good Identify with READY and a Resume with RESUMED at once, instead of waiting for the test.</summary>
    public bool AutoReady { get; set; }

    /// <summary>When set, identifies wait for it before they are judged: the test decides when the answer comes.</summary>
    public TaskCompletionSource? IdentifyGate { get; set; }

    public IReadOnlyList<string> BucketViolations => [.. _violations];

    public int Recommended => RecommendedShards ?? Math.Max(1, (Guilds + 999) / 1000);

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

    /// <summary>The next accepted Identify or Resume, on any connection.</summary>
    public async Task<GatewayOpening> NextOpeningAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _openings.Reader.ReadAsync(guard.Token);
    }

    /// <summary>
    /// Dispatches a <c>/params grok-1</c> INTERACTION_CREATE with this id on a Gateway connection and returns the
    /// interaction callback the bot then POSTs over REST: the shard holding that connection is live and answering.
    /// </summary>
    public async Task<RecordedRequest> AnswersParamsOnAsync(FakeGatewayConnection connection, string id)
    {
        await connection.DispatchAsync(
            "INTERACTION_CREATE",
            JsonNode.Parse(
                $$$"""
                {"id":"{{{id}}}","application_id":"111222333","type":2,"token":"t{{{id}}}","version":1,"guild_id":"42",
                 "channel_id":"7","member":{"user":{"id":"555"},"permissions":"0"},
                 "data":{"id":"1","name":"params","type":1,"options":[{"name":"model","type":3,"value":"grok-1"}]}}
                """
            )!
        );
        return await WaitForRequestAsync(r => r.Path == $"/interactions/{id}/t{id}/callback");
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _connections.Reader.ReadAsync(guard.Token);
    }

    private async Task RestAsync(HttpContext context)
    {
        string body;
        var files = new List<RecordedFile>();
        if (context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var form = await context.Request.ReadFormAsync();
            body = form["payload_json"].ToString();
            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync();
        }
        var path = context.Request.Path.Value!["/api/v10".Length..];
        var request = new RecordedRequest(
            context.Request.Method,
            path,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Time.GetUtcNow()
        )
        {
            Files = files,
        };
        _requests.Enqueue(request);
        var response =
            Respond(request)
            ?? (
                path == "/gateway/bot"
                    ? new FakeResponse(
                        200,
                        $$$"""
                        {"url":"{{{GatewayUrl}}}","shards":{{{Recommended}}},
                         "session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":{{{MaxConcurrency}}}}}
                        """
                    )
                    : new FakeResponse(200, "{}")
            );
        if (Latency(request) is var latency && latency > TimeSpan.Zero)
        {
            try
            {
                // The platform's own pace, not synchronisation.
                await Task.Delay(latency, Time, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
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
            ResumeUrl,
            OpenAsync
        );
        _connections.Writer.TryWrite(connection);
        await connection.Finished;
    }

    /// <summary>Checks an Identify as Discord would; false when the connection was closed or refused for it.</summary>
    private async Task<bool> OpenAsync(FakeGatewayConnection connection, JsonNode message)
    {
        var op = (int)message["op"]!;
        if (op == 6)
        {
            var session = (string?)message["d"]?["session_id"];
            _openings.Writer.TryWrite(new(op, connection.ShardId, connection.TotalShards, session, Time.GetUtcNow(), connection));
            if (AutoReady)
                await connection.DispatchAsync("RESUMED", new JsonObject());
            return true;
        }
        if (op != 2)
            return true;
        if (IdentifyGate is { } gate)
            await gate.Task;
        int? id = null,
            total = null;
        if (message["d"]?["shard"] is JsonArray { Count: 2 } shard)
            (id, total) = ((int?)shard[0], (int?)shard[1]);
        if (message["d"]?["shard"] is not null && (id is null || total is null || total < 1 || id < 0 || id >= total))
        {
            await connection.CloseAsync(4010);
            return false;
        }
        if (Guilds > GuildsPerShard * (total ?? 1))
        {
            await connection.CloseAsync(4011);
            return false;
        }
        var now = Time.GetUtcNow();
        var bucket = (id ?? 0) % MaxConcurrency;
        lock (_lastIdentifyByBucket)
        {
            var tooSoon = _lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < IdentifyWindow;
            if (tooSoon)
                _violations.Enqueue($"shard {id} identified {(now - last).TotalSeconds:0.###} s after bucket {bucket}'s last");
            else
                _lastIdentifyByBucket[bucket] = now;
            if (tooSoon)
                id = -1;
        }
        if (id == -1)
        {
            await connection.SendAsync("""{"op":9,"d":false}""");
            return false;
        }
        connection.Identified(id, total);
        _openings.Writer.TryWrite(new(op, id, total, null, now, connection));
        if (AutoReady)
            await connection.ReadyAsync($"session-{Interlocked.Increment(ref _sessions)}-shard-{id ?? 0}");
        return true;
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
    private readonly Func<FakeGatewayConnection, JsonNode, Task<bool>> _open;
    private int _seq;

    public FakeGatewayConnection(
        WebSocket socket,
        string path,
        string query,
        string resumeUrl,
        Func<FakeGatewayConnection, JsonNode, Task<bool>> open
    )
    {
        _socket = socket;
        _resumeUrl = resumeUrl;
        _open = open;
        Path = path;
        Query = query;
        _ = RunAsync();
    }

    public string Path { get; }

    public string Query { get; }

    /// <summary>The shard this connection identified as, once it has.</summary>
    public int? ShardId { get; private set; }

    public int? TotalShards { get; private set; }

    public Task Finished => _finished.Task;

    internal void Identified(int? shardId, int? totalShards) => (ShardId, TotalShards) = (shardId, totalShards);

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
                ["shard"] = ShardId is { } id ? new JsonArray(id, TotalShards) : null,
            }
        );

    /// <summary>The close code the fake sent, if it closed the connection.</summary>
    public int? CloseCode { get; private set; }

    public async Task CloseAsync(int code)
    {
        CloseCode = code;
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
                else if (await _open(this, message))
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
