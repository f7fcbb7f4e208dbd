using System.Net;
using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>
/// One bot split across two real processes, the way it outgrows one machine: each runs half of a shard range against
/// a fake Gateway that closes 4011 on fewer than the shards its guilds need. With max_concurrency 4 every shard may
/// identify at once, so nothing waits for an identify turn on the real clock.
/// </summary>
public sealed class ShardedProcessesTests : IAsyncLifetime
{
    private readonly List<TempFolder> _temps = [];
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _discord.Guilds = 7_500; // needs at least 3 shards
        _discord.RecommendedShards = 4;
        _discord.MaxConcurrency = 4;
        _discord.AutoReady = true;
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _temps.ForEach(t => t.Dispose());
    }

    private BotProcess Start(string shards)
    {
        var temp = new TempFolder();
        _temps.Add(temp);
        return BotProcess.Start(
            [],
            new Dictionary<string, string>
            {
                ["Knowledge__Directory"] = TestPaths.TestKnowledge,
                ["Storage__DatabasePath"] = temp.Combine("grokfacts.db"),
                ["Discord__Mode"] = "Gateway",
                ["Discord__BotToken"] = "test-token",
                ["Discord__ApplicationId"] = "111222333",
                ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl,
                ["Discord__Shards"] = shards,
            }
        );
    }

    [Fact]
    public async Task Two_processes_splitting_shards_0_1_and_2_3_of_4_together_serve_every_shard()
    {
        await using var low = Start("0-1/4");
        await using var high = Start("2-3/4");

        var openings = new Dictionary<int, GatewayOpening>();
        while (openings.Count < 4)
        {
            var opening = await _discord.NextOpeningAsync();
            Assert.Equal((2, 4), (opening.Op, opening.TotalShards));
            openings.Add(opening.ShardId!.Value, opening);
        }
        foreach (var (id, opening) in openings)
            await AnswersAsync(opening.Connection, $"{500 + id}");

        Assert.Equal([0, 1, 2, 3], openings.Keys.Order());
        Assert.Empty(_discord.BucketViolations);
        Assert.Equal(2, _discord.Requests.Count(r => r.Path == "/gateway/bot"));
        Assert.Contains("shards 0-1/4: 0 live, 1 live", await ReadyAsync(low));
        Assert.Contains("shards 2-3/4: 2 live, 3 live", await ReadyAsync(high));
    }

    /// <summary>/readyz of a process, which must be 200.</summary>
    private static async Task<string> ReadyAsync(BotProcess bot)
    {
        using var http = new HttpClient { BaseAddress = new Uri(await bot.Listening) };
        var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    /// <summary>A /params interaction on the shard's connection, answered over REST by the process that holds it.</summary>
    private async Task AnswersAsync(FakeGatewayConnection connection, string id)
    {
        var callback = await _discord.AnswersParamsOnAsync(connection, id);
        Assert.Contains("314B", callback.Body, StringComparison.Ordinal);
    }
}
