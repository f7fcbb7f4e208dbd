using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. The receive loop only parses frames: envelopes are handed to the dispatcher on the
/// thread pool, so a slow command never delays an ack or a disconnect notice. <see cref="Ended"/> completes with the
/// disconnect reason (or "dropped") as soon as the connection should be replaced; the socket keeps draining until
/// Slack closes it or the grace period ends, so envelopes still in flight on it are acked.
/// </summary>
public sealed class SocketModeConnection : IAsyncDisposable
{
    public static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(15);
    private const int MaxFrameBytes = 1024 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly Func<JsonObject, SocketModeConnection, Task> _dispatch;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _receiving = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SocketModeConnection(
        ClientWebSocket socket,
        Func<JsonObject, SocketModeConnection, Task> dispatch,
        ILogger logger
    )
    {
        _socket = socket;
        _dispatch = dispatch;
        _logger = logger;
        Completion = Task.Run(ReceiveLoopAsync);
    }

    public Task Hello => _hello.Task;
    public Task<string> Ended => _ended.Task;
    public Task Completion { get; }

    public async Task<bool> AckAsync(string envelopeId, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
            ack["payload"] = payload;
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(
                Encoding.UTF8.GetBytes(ack.ToJsonString()),
                WebSocketMessageType.Text,
                true,
                CancellationToken.None
            );
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            _logger.LogWarning(
                "Could not ack envelope {Envelope} ({Error}); Slack will redeliver it",
                envelopeId,
                e.Message
            );
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _receiving.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                frame.Write(buffer, 0, result.Count);
                if (frame.Length > MaxFrameBytes)
                    throw new WebSocketException("Socket Mode frame over 1 MiB");
                if (!result.EndOfMessage)
                    continue;
                OnFrame(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Socket Mode receive ended: {Error}", e.Message);
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("Socket Mode connection closed before hello"));
            _ended.TrySetResult("dropped");
        }
    }

    private void OnFrame(string text)
    {
        JsonObject? frame;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            frame = null;
        }
        if (frame is null)
        {
            _logger.LogWarning("Ignored a Socket Mode frame that is not a JSON object ({Length} chars)", text.Length);
            return;
        }
        var type = frame["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type == "hello")
        {
            _hello.TrySetResult();
        }
        else if (type == "disconnect")
        {
            var reason = frame["reason"] is JsonValue r && r.TryGetValue<string>(out var why) ? why : "unknown";
            _ended.TrySetResult(reason);
            _receiving.CancelAfter(DrainGrace);
        }
        else if (frame.ContainsKey("envelope_id"))
        {
            _ = Task.Run(() => _dispatch(frame, this));
        }
        else
        {
            _logger.LogDebug("Ignored Socket Mode frame of type {Type}", type);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _receiving.CancelAsync();
        await Completion;
        _socket.Dispose();
        _receiving.Dispose();
        _sendLock.Dispose();
    }
}
