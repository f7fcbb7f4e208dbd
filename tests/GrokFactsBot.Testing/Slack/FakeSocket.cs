using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GrokFactsBot.Testing.Slack;

/// <summary>The server side of one Socket Mode connection: sends frames, records acks, and can drop the line.</summary>
public sealed class FakeSocket(WebSocket socket)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _dropped = new();

    public Channel<JsonObject> Acks { get; } = Channel.CreateUnbounded<JsonObject>();
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(JsonObject frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(
                Encoding.UTF8.GetBytes(frame.ToJsonString()),
                WebSocketMessageType.Text,
                true,
                CancellationToken.None
            );
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendSlashCommandAsync(
        string envelopeId,
        string text,
        string responseUrl,
        bool acceptsPayload = true,
        string user = "U2CERLKJA"
    ) =>
        SendAsync(
            new JsonObject
            {
                ["envelope_id"] = envelopeId,
                ["type"] = "slash_commands",
                ["accepts_response_payload"] = acceptsPayload,
                ["payload"] = new JsonObject
                {
                    ["team_id"] = "T1DC2JH3J",
                    ["user_id"] = user,
                    ["user_name"] = "roadrunner",
                    ["channel_id"] = "C1",
                    ["command"] = "/grokfacts",
                    ["text"] = text,
                    ["response_url"] = responseUrl,
                    ["trigger_id"] = "1.2.3",
                },
            }
        );

    public Task SendInteractiveAsync(string envelopeId, JsonObject payload) =>
        SendAsync(
            new JsonObject
            {
                ["envelope_id"] = envelopeId,
                ["type"] = "interactive",
                ["accepts_response_payload"] = false,
                ["payload"] = payload.DeepClone(),
            }
        );

    public Task SendDisconnectAsync(string reason) =>
        SendAsync(
            new JsonObject
            {
                ["type"] = "disconnect",
                ["reason"] = reason,
                ["debug_info"] = new JsonObject { ["host"] = "fake" },
            }
        );

    /// <summary>
    /// Cuts the connection without a close handshake: acks in flight are lost, as on a real network drop.
    /// </summary>
    public void Drop()
    {
        _dropped.Cancel();
        socket.Abort();
    }

    public async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var frame = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, _dropped.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                if (!_dropped.IsCancellationRequested && JsonNode.Parse(frame.ToArray()) is JsonObject ack)
                    Acks.Writer.TryWrite(ack);
                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        finally
        {
            Acks.Writer.TryComplete();
            Closed.TrySetResult();
        }
    }
}
