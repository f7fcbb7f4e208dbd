using GrokFactsBot.Discord.Gateway;

namespace GrokFactsBot.Discord.Tests;

/// <summary>Discord:Shards as a person writes it, and when each shard's identify turn comes.</summary>
public sealed class ShardPlanTests
{
    [Theory]
    [InlineData("0-3/8", 0, 3, 8)]
    [InlineData("4-7/8", 4, 7, 8)]
    [InlineData("5/8", 5, 5, 8)]
    [InlineData(" 0 - 0 / 1 ", 0, 0, 1)]
    public void Reads_a_shard_range(string text, int first, int last, int total)
    {
        var range = ShardRange.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new ShardRange(first, last, total), range);
        Assert.Equal(Enumerable.Range(first, last - first + 1), range!.Ids);
    }

    [Theory]
    [InlineData("0-3", "write first-last/total (e.g. 0-3/8)")]
    [InlineData("a-b/8", "write first-last/total (e.g. 0-3/8)")]
    [InlineData("-1-3/8", "write first-last/total (e.g. 0-3/8)")]
    [InlineData("0-3/0", "the total must be 1–4096")]
    [InlineData("3-1/8", "the first shard must not be after the last")]
    [InlineData("4-8/8", "the last may be at most 7")]
    public void Names_what_is_wrong_with_a_shard_range(string text, string expected)
    {
        Assert.Null(ShardRange.Parse(text, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.StartsWith($"Discord:Shards '{text}'", problem, StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset Cycle0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    // 8 shards, max_concurrency 1: one bucket, 8 slots of 6 s; shard i owns slot i.
    [InlineData(8, 1, 0, 0, 0)]
    [InlineData(8, 1, 3, 0, 18)]
    [InlineData(8, 1, 3, 18, 18)]
    [InlineData(8, 1, 3, 18.5, 66)]
    [InlineData(8, 1, 0, 1, 48)]
    // 8 shards, max_concurrency 4: shards 0-3 in slot 0, 4-7 in slot 1.
    [InlineData(8, 4, 3, 0, 0)]
    [InlineData(8, 4, 4, 0, 6)]
    [InlineData(8, 4, 7, 7, 18)]
    // each shard alone in its bucket: at once.
    [InlineData(4, 16, 3, 7.25, 7.25)]
    [InlineData(1, 1, 0, 2.5, 2.5)]
    public void Each_shard_identifies_in_its_own_slot_of_its_bucket(
        int total,
        int maxConcurrency,
        int shard,
        double nowSeconds,
        double expectedSeconds
    )
    {
        var schedule = new IdentifySchedule(total, maxConcurrency);
        var now = Cycle0.AddSeconds(nowSeconds);

        Assert.Equal(Cycle0.AddSeconds(expectedSeconds), schedule.Next(shard, now));
    }

    [Fact]
    public void A_shard_alone_in_its_bucket_waits_only_for_its_own_last_identify()
    {
        var schedule = new IdentifySchedule(1, 1);

        Assert.Equal(Cycle0.AddSeconds(6), schedule.Next(0, Cycle0.AddSeconds(2), lastIdentify: Cycle0));
        Assert.Equal(Cycle0.AddSeconds(9), schedule.Next(0, Cycle0.AddSeconds(9), lastIdentify: Cycle0));
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 2)]
    [InlineData(12, 5)]
    [InlineData(3, 1)]
    public void No_two_shards_of_a_bucket_identify_within_five_seconds_wherever_they_start(int total, int concurrency)
    {
        var schedule = new IdentifySchedule(total, concurrency);
        for (var start = 0.0; start < 60; start += 1.7)
        {
            var turns = Enumerable
                .Range(0, total)
                .Select(id => (Bucket: id % concurrency, At: schedule.Next(id, Cycle0.AddSeconds(start * (id + 1)))))
                .GroupBy(t => t.Bucket);
            foreach (var bucket in turns)
            {
                var times = bucket.Select(t => t.At).Order().ToList();
                Assert.All(times.Zip(times.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(5)));
            }
        }
    }
}
