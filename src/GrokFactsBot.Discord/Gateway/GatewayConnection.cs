using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GrokFactsBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection of one shard: Hello, heartbeats with jitter, then Resume at once or Identify when the
/// shard's turn comes, and the receive loop throughout. Interactions are handed to a channel and answered elsewhere,
/// so slow commands never stall heartbeats.
/// </summary>
public sealed class GatewayConnection(
    ClientWebSocket socket,
    GatewayState state,
    ShardIdentity identity,
    ChannelWriter<Interaction> interactions,
    TimeProvider time,
    ILogger logger
) : IDisposable
{
    /// <summary>Any code but 1000/1001 keeps the session resumable.</summary>
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private volatile bool _acknowledged = true;

    public string? FatalReason { get; private set; }

    /// <summary>
    /// The session was established (READY or RESUMED) on this connection, so its end is not a failed attempt.
    /// </summary>
    public bool WasReady { get; private set; }

    public async Task<GatewayEnd> RunAsync(CancellationToken stopping)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var hello = await ReceiveAsync(connection.Token);
        if (hello is not { Op: GatewayOp.Hello })
            return GatewayEnd.Resume;
        var interval = TimeSpan.FromMilliseconds(hello.D.GetProperty("heartbeat_interval").GetDouble());
        // Heartbeats and the receive loop run while an identify waits for its turn, so the wait looks alive.
        var heartbeats = HeartbeatAsync(interval, connection);
        var opening = OpenSessionAsync(connection.Token);
        try
        {
            return await ReceiveLoopAsync(connection.Token);
        }
        catch (Exception e)
            when (e is WebSocketException or OperationCanceledException && !stopping.IsCancellationRequested)
        {
            logger.LogWarning("Gateway shard {Shard} connection lost: {Error}", identity.ShardId, e.Message);
            return GatewayEnd.Resume;
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeats;
            await opening;
            await CloseQuietlyAsync(
                stopping.IsCancellationRequested ? WebSocketCloseStatus.NormalClosure : ResumableClose
            );
        }
    }

    /// <summary>Resume the shard's session at once, or identify a new one when the shard's turn comes.</summary>
    private async Task OpenSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (state.Session is { } session)
            {
                await SendAsync(GatewayPayload.Resume(identity.Token, session.SessionId, state.Sequence), cancellationToken);
                return;
            }
            await identity.WaitForTurnAsync(cancellationToken);
            await SendAsync(GatewayPayload.Identify(identity), cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
    }

    public void Dispose() => _sendGate.Dispose();

    private async Task<GatewayEnd> ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var payload = await ReceiveAsync(cancellationToken);
            if (payload is null)
                return EndFromClose();
            if (payload.S is { } seq)
                state.Sequence = seq;
            switch (payload.Op)
            {
                case GatewayOp.Dispatch:
                    Dispatch(payload);
                    break;
                case GatewayOp.Heartbeat:
                    await SendAsync(GatewayPayload.Heartbeat(state.Sequence), cancellationToken);
                    break;
                case GatewayOp.HeartbeatAck:
                    _acknowledged = true;
                    break;
                case GatewayOp.Reconnect:
                    logger.LogInformation("Gateway asked shard {Shard} to reconnect", identity.ShardId);
                    return GatewayEnd.Resume;
                case GatewayOp.InvalidSession:
                    var resumable = payload.D.ValueKind == JsonValueKind.True;
                    logger.LogInformation(
                        "Gateway invalidated shard {Shard}'s session (resumable: {Resumable})",
                        identity.ShardId,
                        resumable
                    );
                    if (!resumable)
                        state.Forget();
                    return resumable ? GatewayEnd.Resume : GatewayEnd.Identify;
            }
        }
    }

    private void Dispatch(GatewayPayload payload)
    {
        switch (payload.T)
        {
            case "READY":
                state.Session = new GatewaySession(
                    payload.D.GetProperty("session_id").GetString()!,
                    payload.D.GetProperty("resume_gateway_url").GetString()!
                );
                WasReady = true;
                logger.LogInformation("Gateway shard {Shard} ready", identity.ShardId);
                break;
            case "RESUMED":
                WasReady = true;
                logger.LogInformation(
                    "Gateway shard {Shard} resumed at sequence {Sequence}",
                    identity.ShardId,
                    state.Sequence
                );
                break;
            case "INTERACTION_CREATE":
                if (payload.D.Deserialize(DiscordJsonContext.Default.Interaction) is { } interaction)
                    interactions.TryWrite(interaction);
                break;
        }
    }

    private GatewayEnd EndFromClose()
    {
        var code = (int?)socket.CloseStatus ?? 0;
        if (code == GatewayCloseCodes.ShardingRequired)
            return GatewayEnd.ShardingRequired;
        if (GatewayCloseCodes.FatalReason(code) is { } reason)
        {
            FatalReason = reason;
            return GatewayEnd.Fatal;
        }
        logger.LogInformation(
            "Gateway closed shard {Shard}'s connection ({Code} {Description})",
            identity.ShardId,
            code,
            socket.CloseStatusDescription
        );
        if (!GatewayCloseCodes.NeedsNewSession(code))
            return GatewayEnd.Resume;
        state.Forget();
        return GatewayEnd.Identify;
    }

    /// <summary>
    /// The first beat waits interval × jitter; a beat without an ACK since the last one means a zombie connection.
    /// </summary>
    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, connection.Token);
            while (!connection.IsCancellationRequested)
            {
                if (!_acknowledged)
                {
                    logger.LogWarning("No heartbeat ACK for shard {Shard}; reconnecting", identity.ShardId);
                    socket.Abort();
                    await connection.CancelAsync();
                    return;
                }
                _acknowledged = false;
                await SendAsync(GatewayPayload.Heartbeat(state.Sequence), connection.Token);
                await Task.Delay(interval, time, connection.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
    }

    private async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(
                Encoding.UTF8.GetBytes(json),
                WebSocketMessageType.Text,
                endOfMessage: true,
                cancellationToken
            );
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>One whole message, or null when the server closed the socket.</summary>
    private async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Advance(result.Count);
            if (!result.EndOfMessage)
                continue;
            try
            {
                return GatewayPayload.Parse(message.WrittenSpan) ?? throw new JsonException("no op");
            }
            catch (JsonException e)
            {
                logger.LogWarning("Ignoring an unreadable Gateway message: {Error}", e.Message);
                message.Clear();
            }
        }
    }

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(status, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
    }
}

/// <summary>What survives a reconnect: the session to resume and the last sequence number seen.</summary>
public sealed class GatewayState
{
    public GatewaySession? Session { get; set; }

    public long? Sequence { get; set; }

    public void Forget()
    {
        Session = null;
        Sequence = null;
    }
}
