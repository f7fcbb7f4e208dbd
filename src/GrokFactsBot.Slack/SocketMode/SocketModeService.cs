using System.Net.WebSockets;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.SocketMode;

/// <summary>
/// Keeps <see cref="SlackOptions.SocketConnections"/> Socket Mode connections open. Each slot reconnects on its own:
/// on a disconnect notice it opens the replacement first while the old socket drains, and failed connects back off
/// (1 s doubling to 30 s), each one logged and counted. Only a bad token or link_disabled stops the bot, loudly.
/// </summary>
public sealed class SocketModeService(
    SlackApiClient api,
    SocketModeDispatcher dispatcher,
    IOptions<SlackOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SocketModeService> logger
) : BackgroundService
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private int _open;

    /// <summary>Connections that said hello and have not ended; one is enough to receive commands.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var slots = Enumerable
            .Range(1, options.Value.SocketConnections)
            .Select(slot => RunSlotAsync(slot, stopAll.Token))
            .ToList();
        var first = await Task.WhenAny(slots);
        if (first.IsFaulted)
        {
            logger.LogCritical("Slack Socket Mode stopped: {Reason}", first.Exception!.InnerException!.Message);
            Environment.ExitCode = 1;
            await stopAll.CancelAsync();
            await Task.WhenAll(slots.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
            await first;
        }
        await Task.WhenAll(slots);
    }

    private async Task RunSlotAsync(int slot, CancellationToken stoppingToken)
    {
        var draining = new List<SocketModeConnection>();
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketModeConnection connection;
                try
                {
                    connection = await ConnectAsync(stoppingToken);
                    failures = 0;
                }
                catch (Exception e) when (e is not SocketModeStoppedException && !stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    var delay = Backoff(failures);
                    metrics.Reconnected(Platform.Slack, "connect_failed");
                    logger.Log(
                        failures >= 5 ? LogLevel.Error : LogLevel.Warning,
                        "Socket Mode connection {Slot} failed ({Failures} in a row): {Error}; retrying in {Delay}",
                        slot,
                        failures,
                        e.Message,
                        delay
                    );
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }
                draining.Add(connection);
                Interlocked.Increment(ref _open);
                string reason;
                try
                {
                    reason = await connection.Ended.WaitAsync(stoppingToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _open);
                }
                if (reason == "link_disabled")
                    throw new SocketModeStoppedException(
                        "Slack disabled Socket Mode for this app (disconnect reason link_disabled). Turn Socket Mode back on in the app settings, or set Slack:Mode=Http."
                    );
                metrics.Reconnected(Platform.Slack, reason);
                logger.LogInformation("Socket Mode connection {Slot} is being replaced ({Reason})", slot, reason);
                if (reason == "dropped")
                    await Task.Delay(options.Value.ReconnectDelay, time, stoppingToken);
                draining.RemoveAll(c => c.Completion.IsCompleted && DisposeLater(c));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            foreach (var connection in draining)
                await connection.DisposeAsync();
        }
    }

    private async Task<SocketModeConnection> ConnectAsync(CancellationToken stoppingToken)
    {
        var opened = await api.PostAsync("apps.connections.open", [], stoppingToken, options.Value.AppToken);
        if (opened.Error is { Kind: SlackErrorKind.InvalidAuth or SlackErrorKind.MissingScope } fatal)
            throw new SocketModeStoppedException(
                $"apps.connections.open refused the app-level token ({fatal.Code}). Slack:AppToken must be an xapp- token with connections:write."
            );
        if (
            opened.Body?["url"] is not JsonValue urlValue
            || !Uri.TryCreate(urlValue.GetValue<string>(), UriKind.Absolute, out var url)
        )
            throw new WebSocketException($"apps.connections.open gave no URL ({opened.Error?.Code ?? "no url"})");

        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            await socket.ConnectAsync(url, stoppingToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new SocketModeConnection(socket, dispatcher.DispatchAsync, logger);
        try
        {
            await connection.Hello.WaitAsync(HelloTimeout, time, stoppingToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = options.Value.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 10));
        var jitter = 1 + (Random.Shared.NextDouble() * 0.2);
        return delay * jitter > MaxBackoff ? MaxBackoff : delay * jitter;
    }

    private static bool DisposeLater(SocketModeConnection connection)
    {
        _ = connection.DisposeAsync().AsTask();
        return true;
    }
}

/// <summary>Socket Mode cannot go on without a person changing something; the message says what.</summary>
public sealed class SocketModeStoppedException(string message) : Exception(message);
