using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// Keeps one Gateway session alive: connects, resumes on resume_gateway_url after drops and op 7, identifies only
/// when the session is gone, backs off between attempts, and stops the application with a clear message on the
/// close codes that no reconnect can fix.
/// </summary>
public sealed class DiscordGatewayService(
    DiscordRestClient rest,
    InteractionQueue queue,
    IOptions<DiscordOptions> options,
    BotMetrics metrics,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger
) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private readonly GatewayState _state = new();

    private GatewayConnection? _current;

    /// <summary>Why the service stopped for good, when it did (for operators and tests).</summary>
    public string? FatalReason { get; private set; }

    /// <summary>A session is live: READY or RESUMED arrived on the current connection.</summary>
    public bool IsConnected => Volatile.Read(ref _current)?.WasReady == true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        string? gatewayUrl = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            GatewayEnd end;
            try
            {
                gatewayUrl ??= await DiscoverAsync(stoppingToken);
                if (gatewayUrl is null)
                    return;
                var url = _state.Session?.ResumeUrl ?? gatewayUrl;
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(WithQuery(url), stoppingToken);
                using var connection = new GatewayConnection(
                    socket,
                    _state,
                    options.Value.BotToken!,
                    queue.Writer,
                    time,
                    logger
                );
                Volatile.Write(ref _current, connection);
                try
                {
                    end = await connection.RunAsync(stoppingToken);
                }
                finally
                {
                    Volatile.Write(ref _current, null);
                }
                if (end == GatewayEnd.Fatal)
                {
                    Stop(connection.FatalReason!);
                    return;
                }
                failures = connection.WasReady ? 0 : failures + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
                when (e
                        is WebSocketException
                            or HttpRequestException
                            or JsonException
                            or KeyNotFoundException
                            or InvalidOperationException
                )
            {
                logger.LogWarning("Gateway connection failed: {Error}", e.Message);
                end = GatewayEnd.Resume;
                failures++;
            }
            metrics.Reconnects.Add(1, new("platform", "discord"), new("reason", end.ToString()));
            await Task.Delay(Backoff(failures, end), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Resumes go at once; repeated failures back off exponentially; a fresh identify waits 1–5 s as Discord used to
    /// ask.
    /// </summary>
    private static TimeSpan Backoff(int failures, GatewayEnd end) =>
        end == GatewayEnd.Identify ? TimeSpan.FromSeconds(1 + Random.Shared.NextDouble() * 4)
        : failures == 0 ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));

    private async Task<string?> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (options.Value.GatewayUrl is { Length: > 0 } configured)
            return configured;
        var result = await rest.GetAsync("gateway/bot", cancellationToken);
        if (result.Outcome == RestOutcome.Unauthorized)
        {
            Stop(
                "Discord rejected the bot token (401 on GET /gateway/bot). Set Discord:BotToken to the current token from the Developer Portal."
            );
            return null;
        }
        if (!result.IsSuccess)
            throw new HttpRequestException($"GET /gateway/bot: {result}");
        return result.Read<GatewayBot>()?.Url ?? throw new HttpRequestException("GET /gateway/bot returned no url");
    }

    private void Stop(string reason)
    {
        FatalReason = reason;
        logger.LogCritical("Discord Gateway stopped: {Reason}", reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    private static Uri WithQuery(string url) => new(url.TrimEnd('/') + "/?v=10&encoding=json");

    private sealed record GatewayBot(string Url);
}

/// <summary>Interactions from the Gateway wait here; the receive loop only writes.</summary>
public sealed class InteractionQueue
{
    private readonly Channel<Interaction> _channel = Channel.CreateBounded<Interaction>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest }
    );

    public ChannelWriter<Interaction> Writer => _channel.Writer;

    public ChannelReader<Interaction> Reader => _channel.Reader;
}
