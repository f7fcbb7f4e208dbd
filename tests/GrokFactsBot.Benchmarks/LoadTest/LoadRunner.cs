using System.Diagnostics;
using System.Net.Http.Headers;

namespace GrokFactsBot.Benchmarks.LoadTest;

public sealed record LoadSettings(
    Uri Url,
    int Requests,
    int Concurrency,
    TimeSpan MaxDuration,
    int Warmup,
    int? BotPid,
    double? Rate = null
);

public sealed record LoadResult(
    int Completed,
    int Unexpected,
    TimeSpan Elapsed,
    double[] LatenciesMs,
    long? RssAtStartKb,
    long? RssPeakKb,
    long? RssAtEndKb = null,
    TimeSpan? BotCpu = null
)
{
    /// <summary>The bot's CPU time (user + system) per completed request: what a request costs, however busy the machine.</summary>
    public double? CpuMicrosecondsPerRequest =>
        BotCpu is { } cpu && Completed > 0 ? cpu.TotalMicroseconds / Completed : null;

    public double Throughput => Completed / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0
            ? double.NaN
            : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(p * LatenciesMs.Length))];
}

/// <summary>
/// Sends pre-signed requests at a fixed concurrency until the count or the time limit is reached, timing each one,
/// while sampling the bot's resident memory from /proc.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        LoadSettings settings,
        IReadOnlyList<SignedRequest> pool,
        int expectedStatus
    )
    {
        using var http = new HttpClient(
            new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency, UseProxy = false }
        )
        {
            BaseAddress = settings.Url,
            Timeout = TimeSpan.FromSeconds(10),
        };
        await SendAllAsync(
            http,
            pool,
            settings.Warmup,
            settings.Concurrency,
            TimeSpan.FromSeconds(30),
            expectedStatus,
            latencies: null
        );

        var rssAtStart = ReadRssKb(settings.BotPid);
        var cpuAtStart = ReadCpu(settings.BotPid);
        using var sampling = new CancellationTokenSource();
        var peak = Task.Run(() => SamplePeakRssAsync(settings.BotPid, sampling.Token));
        var latencies = new double[settings.Requests];
        var clock = Stopwatch.StartNew();
        var (completed, unexpected) = settings.Rate is { } rate
            ? await SendPacedAsync(http, pool, settings.Requests, rate, settings.MaxDuration, expectedStatus, latencies)
            : await SendAllAsync(
                http,
                pool,
                settings.Requests,
                settings.Concurrency,
                settings.MaxDuration,
                expectedStatus,
                latencies
            );
        clock.Stop();
        await sampling.CancelAsync();
        var rssPeak = await peak;

        var measured = latencies.Take(completed).Order().ToArray();
        return new LoadResult(
            completed,
            unexpected,
            clock.Elapsed,
            measured,
            rssAtStart,
            rssPeak,
            ReadRssKb(settings.BotPid),
            ReadCpu(settings.BotPid) - cpuAtStart
        );
    }

    private static async Task<(int Completed, int Unexpected)> SendAllAsync(
        HttpClient http,
        IReadOnlyList<SignedRequest> pool,
        int count,
        int concurrency,
        TimeSpan limit,
        int expectedStatus,
        double[]? latencies
    )
    {
        var next = -1;
        var completed = 0;
        var unexpected = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                var status = await SendAsync(http, pool[index % pool.Count]);
                var slot = Interlocked.Increment(ref completed) - 1;
                if (latencies is not null)
                    latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (status != expectedStatus)
                    Interlocked.Increment(ref unexpected);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        return (completed, unexpected);
    }

    /// <summary>
    /// A steady open-loop rate: request i starts at i / rate seconds whatever the earlier ones are doing, as real
    /// traffic does, until the count or the time limit.
    /// </summary>
    private static async Task<(int Completed, int Unexpected)> SendPacedAsync(
        HttpClient http,
        IReadOnlyList<SignedRequest> pool,
        int count,
        double rate,
        TimeSpan limit,
        int expectedStatus,
        double[] latencies
    )
    {
        var completed = 0;
        var unexpected = 0;
        var start = Stopwatch.GetTimestamp();
        var sending = new List<Task>();
        async Task One(int index)
        {
            var started = Stopwatch.GetTimestamp();
            var status = await SendAsync(http, pool[index % pool.Count]);
            latencies[Interlocked.Increment(ref completed) - 1] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (status != expectedStatus)
                Interlocked.Increment(ref unexpected);
        }
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > limit)
                break;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            sending.Add(One(i));
        }
        await Task.WhenAll(sending);
        return (completed, unexpected);
    }

    private static async Task<int> SendAsync(HttpClient http, SignedRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Path)
        {
            Content = new ByteArrayContent(request.Body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await http.SendAsync(message);
            await response.Content.CopyToAsync(Stream.Null);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private static async Task<long?> SamplePeakRssAsync(int? pid, CancellationToken cancellationToken)
    {
        long? peak = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (ReadRssKb(pid) is { } rss && rss > (peak ?? 0))
                peak = rss;
            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return peak;
    }

    /// <summary>
    /// The bot's user + system CPU time so far, from /proc/PID/stat (clock ticks, 100 per second on Linux), or null.
    /// </summary>
    public static TimeSpan? ReadCpu(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
            return null;
        // The command name in parentheses may hold spaces: fields are counted after its closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks =
            long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>VmRSS of the bot in KiB, or null without a pid (or off Linux).</summary>
    public static long? ReadRssKb(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
            return null;
        var line = File.ReadLines($"/proc/{pid}/status")
            .FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? null
            : long.Parse(
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                System.Globalization.CultureInfo.InvariantCulture
            );
    }
}
