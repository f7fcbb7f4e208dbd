using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>How a shard's run ended: the process is stopping, a fatal close, or Discord wants more shards.</summary>
public sealed record ShardOutcome(GatewayEnd End, string? FatalReason = null);

/// <summary>
/// Keeps one shard's session alive: connects, resumes on resume_gateway_url after drops and op 7, identifies only
/// when the session is gone (in its turn), and backs off between failed attempts. Each shard has its own resume
/// state; the run ends only on a close that no reconnect can fix, on close 4011, or at shutdown.
/// </summary>
public sealed class GatewayShard(
    int id,
    GatewayPlan plan,
    string token,
    ChannelWriter<Interaction> interactions,
    BotMetrics metrics,
    TimeProvider time,
    ILogger logger
)
{
    private static readonly Core.Resilience.Backoff Reconnect = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    private readonly GatewayState _state = new();
    private GatewayConnection? _current;
    private DateTimeOffset? _lastIdentify;
    private DateTimeOffset? _turn;
    private volatile bool _stopped;

    public int Id => id;

    public int Total => plan.Range.Total;

    public bool IsLive => Volatile.Read(ref _current)?.WasReady == true;

    /// <summary>Where the shard stands, in words for /readyz.</summary>
    public string Describe() =>
        _stopped ? "stopped"
        : IsLive ? "live"
        : _turn is { } turn ? $"waiting for its identify turn at {turn:HH:mm:ss}"
        : "connecting";

    public async Task<ShardOutcome> RunAsync(CancellationToken stoppingToken)
    {
        var identity = new ShardIdentity(token, id, plan.Range.Total, WaitForTurnAsync);
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                GatewayEnd end;
                try
                {
                    var url = _state.Session?.ResumeUrl ?? plan.Url;
                    using var socket = new ClientWebSocket();
                    await socket.ConnectAsync(WithQuery(url), stoppingToken);
                    using var connection = new GatewayConnection(socket, _state, identity, interactions, time, logger);
                    Volatile.Write(ref _current, connection);
                    try
                    {
                        end = await connection.RunAsync(stoppingToken);
                    }
                    finally
                    {
                        Volatile.Write(ref _current, null);
                    }
                    if (end is GatewayEnd.Fatal or GatewayEnd.ShardingRequired)
                        return new ShardOutcome(end, connection.FatalReason);
                    failures = connection.WasReady ? 0 : failures + 1;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
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
                    logger.LogWarning("Gateway shard {Shard} connection failed: {Error}", id, e.Message);
                    end = GatewayEnd.Resume;
                    failures++;
                }
                metrics.Reconnected(Platform.Discord, end.ToString());
                await Task.Delay(Backoff(failures, end), time, stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
            return new ShardOutcome(GatewayEnd.Stopping);
        }
        finally
        {
            _stopped = true;
        }
    }

    /// <summary>Waits for the shard's identify slot on the injected clock, then notes the identify.</summary>
    private async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var schedule = new IdentifySchedule(plan.Range.Total, plan.MaxConcurrency);
        var turn = schedule.Next(id, time.GetUtcNow(), _lastIdentify);
        _turn = turn;
        try
        {
            while (time.GetUtcNow() is var now && now < turn)
                await Task.Delay(turn - now, time, cancellationToken);
        }
        finally
        {
            _turn = null;
        }
        _lastIdentify = time.GetUtcNow();
    }

    /// <summary>
    /// Resumes go at once; repeated failures back off exponentially; a fresh identify waits 1–5 s as Discord used to
    /// ask.
    /// </summary>
    private static TimeSpan Backoff(int failures, GatewayEnd end) =>
        end == GatewayEnd.Identify ? TimeSpan.FromSeconds(1 + Random.Shared.NextDouble() * 4)
        : failures == 0 ? TimeSpan.Zero
        : AfterFailures(failures);

    /// <summary>The Gateway's one backoff after failed attempts: 1 s, doubling up to a minute.</summary>
    internal static TimeSpan AfterFailures(int failures) => Reconnect.After(failures);

    private static Uri WithQuery(string url) => new(url.TrimEnd('/') + "/?v=10&encoding=json");
}
