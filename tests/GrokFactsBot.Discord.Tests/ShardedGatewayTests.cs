using System.Text.Json.Nodes;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Discord.Gateway;
using GrokFactsBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// The real program in Gateway mode against a fake Gateway that demands sharding (close 4011 above 2,500 guilds a
/// shard, op 9 for a second identify in a max_concurrency bucket within 5 s). The bots and the fake share one
/// FakeTimeProvider: identify turns come when the test moves the clock, never by waiting.
/// </summary>
public sealed class ShardedGatewayTests : IAsyncLifetime
{
    private static readonly TimeSpan Slot = IdentifySchedule.Slot;
    private readonly List<KnowledgeFolder> _folders = [];
    private readonly List<BotApp> _apps = [];
    private FakeDiscord _discord = null!;
    private FakeTimeProvider _time = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        // Slot 0 of every schedule up to 96 slots: each cycle of the tests below starts with shard 0's turn.
        var aligned = DateTimeOffset.UtcNow.UtcTicks / (Slot.Ticks * 96) * (Slot.Ticks * 96);
        _time = new FakeTimeProvider(new DateTimeOffset(aligned, TimeSpan.Zero));
        _discord.Time = _time;
        _discord.AutoReady = true;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        await _discord.DisposeAsync();
        _folders.ForEach(f => f.Dispose());
        Environment.ExitCode = 0;
    }

    private BotApp Start(string? shards = null)
    {
        var folder = TestKnowledge.Create();
        _folders.Add(folder);
        var settings = new Dictionary<string, string?> { ["Discord:Mode"] = "Gateway" };
        if (shards is not null)
            settings["Discord:Shards"] = shards;
        var app = new BotApp(folder, _discord, settings, time: _time);
        _apps.Add(app);
        app.StartServer();
        return app;
    }

    /// <summary>The identifies of one slot, as shard ids, checked to have come at <paramref name="at"/>.</summary>
    private async Task<Dictionary<int, GatewayOpening>> IdentifiesAsync(int count, DateTimeOffset at)
    {
        var openings = new Dictionary<int, GatewayOpening>();
        while (openings.Count < count)
        {
            var opening = await _discord.NextOpeningAsync();
            Assert.Equal((2, at), (opening.Op, opening.At));
            openings.Add(opening.ShardId!.Value, opening);
        }
        return openings;
    }

    /// <summary>An interaction on the shard's connection, answered over REST: the shard is live and working.</summary>
    private Task AnswersAsync(FakeGatewayConnection connection, string id) =>
        _discord.AnswersParamsOnAsync(connection, id);

    private static Readiness Readiness(BotApp app) =>
        app.Services.GetServices<IReadinessCheck>().Single(c => c.Name == "discord-gateway").Check();

    [Fact]
    public async Task One_process_runs_every_recommended_shard_in_max_concurrency_buckets_and_resumes_each_alone()
    {
        _discord.Guilds = 3_500;
        _discord.MaxConcurrency = 2;
        var start = _time.GetUtcNow();
        var app = Start();

        var first = await IdentifiesAsync(2, start);
        Assert.False(Readiness(app).IsReady);
        _time.Advance(Slot);
        var second = await IdentifiesAsync(2, start + Slot);
        var shards = first.Concat(second).ToDictionary();
        foreach (var (id, opening) in shards)
            await AnswersAsync(opening.Connection, $"{100 + id}");

        Assert.Equal([0, 1, 2, 3], shards.Keys.Order());
        Assert.All(shards.Values, o => Assert.Equal(4, o.TotalShards));
        Assert.Empty(_discord.BucketViolations);
        var ready = Readiness(app);
        Assert.True(ready.IsReady, ready.Description);
        Assert.Equal("shards 0-3/4: 0 live, 1 live, 2 live, 3 live", ready.Description);

        await shards[1].Connection.DispatchAsync("GUILD_CREATE", new JsonObject());
        shards[2].Connection.Drop();
        var resume = await _discord.NextOpeningAsync();
        Assert.Equal((6, "/resume"), (resume.Op, resume.Connection.Path));
        Assert.EndsWith("-shard-2", resume.SessionId, StringComparison.Ordinal);
        var payload = await resume.Connection.ReceiveAsync();
        Assert.Equal(2, (long)payload["d"]!["seq"]!);
        await AnswersAsync(resume.Connection, "200");
        Assert.Single(_discord.Requests, r => r.Path == "/gateway/bot");
    }

    [Fact]
    public async Task Two_processes_split_one_bot_by_shard_range_without_sharing_a_bucket_slot()
    {
        _discord.Guilds = 3_500;
        var start = _time.GetUtcNow();
        var low = Start("0-1/4");
        var high = Start("2-3/4");

        var openings = new Dictionary<int, GatewayOpening>();
        for (var slot = 0; slot < 4; slot++)
        {
            if (slot > 0)
                _time.Advance(Slot);
            foreach (var (id, opening) in await IdentifiesAsync(1, start + Slot * slot))
                openings.Add(id, opening);
        }
        foreach (var (id, opening) in openings)
            await AnswersAsync(opening.Connection, $"{300 + id}");

        Assert.Equal([0, 1, 2, 3], openings.Keys);
        Assert.Empty(_discord.BucketViolations);
        Assert.Equal("shards 0-1/4: 0 live, 1 live", Readiness(low).Description);
        Assert.Equal("shards 2-3/4: 2 live, 3 live", Readiness(high).Description);
        Assert.True(Readiness(low).IsReady && Readiness(high).IsReady);
    }

    [Fact]
    public async Task Close_4011_reshards_when_the_shard_count_is_left_to_discord()
    {
        _discord.Guilds = 2_600;
        _discord.RecommendedShards = 1;
        var start = _time.GetUtcNow();
        var app = Start();

        var first = await _discord.NextConnectionAsync();
        await first.Finished;
        var zero = await IdentifiesAsync(1, start);
        _time.Advance(Slot);
        var one = await IdentifiesAsync(1, start + Slot);
        await AnswersAsync(zero[0].Connection, "400");
        await AnswersAsync(one[1].Connection, "401");

        Assert.Equal(4011, first.CloseCode);
        Assert.Equal(2, zero[0].TotalShards);
        Assert.Null(app.Services.GetRequiredService<DiscordGatewayService>().FatalReason);
        Assert.Equal("shards 0-1/2: 0 live, 1 live", Readiness(app).Description);
        Assert.Equal(2, _discord.Requests.Count(r => r.Path == "/gateway/bot"));
    }

    [Fact]
    public async Task Close_4011_stops_the_bot_with_the_fix_when_discord_shards_fixes_the_count()
    {
        _discord.Guilds = 2_600;
        _discord.IdentifyGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = Start("0-0/1");
        // Resolved now: once the bot stops, the host disposes its services, possibly before the assertions run.
        var gateway = app.Services.GetRequiredService<DiscordGatewayService>();
        var stopping = new TaskCompletionSource();
        app.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.Register(() => stopping.TrySetResult());
        _discord.IdentifyGate.SetResult();

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var reason = gateway.FatalReason;
        Assert.Contains("close 4011", reason, StringComparison.Ordinal);
        Assert.Contains("Discord:Shards '0/1'", reason, StringComparison.Ordinal);
        Assert.Contains("recommends 3", reason, StringComparison.Ordinal);
    }
}
