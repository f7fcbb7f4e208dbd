using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Curation;
using GrokFactsBot.Core.Tests.Updates.Fakes;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Testing.ChatApi;

namespace GrokFactsBot.Core.Tests.Updates;

public sealed class CrashAndRateLimitTests
{
    private static readonly Caller Owner = Caller.Console("owner");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static Caller ChannelMod(Platform platform, int channel) =>
        Callers.Make(
            platform,
            "mod",
            "A",
            global: false,
            serverAdmin: false,
            channel: $"c{channel}",
            manageChannels: true
        );

    [Fact]
    public async Task Killing_the_bot_mid_fan_out_and_restarting_on_the_same_file_delivers_every_update_to_every_channel_exactly_once()
    {
        var path = Path.Combine(Path.GetTempPath(), "grokfacts-crash", Guid.NewGuid().ToString("N"), "bot.db");
        const int channels = 40,
            updates = 3;
        var discord = new RecordingPublisher(Platform.Discord);
        var slack = new RecordingPublisher(Platform.Slack);
        var crashed = new TaskCompletionSource();
        var posted = 0;
        // After the 50th post the "process" hangs between the platform accepting a message and the outbox marking it.
        discord.AfterPosting = async ct =>
        {
            if (Interlocked.Increment(ref posted) < 50)
                return;
            crashed.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        using (var first = new CurationBed(LiteDbFactory.OpenFile(path), publishers: [discord, slack]))
        {
            first.Import();
            for (var c = 0; c < channels; c++)
                first.Run("subscribe", ChannelMod(Platform.Discord, c));
            first.Run("fact add grok-1 license MIT https://example.com/l", Owner);
            first.Run("fact add grok-1 context_length 8192 https://example.com/c", Owner);
            first.Run("catalog add V9-Medium Acme", Owner);

            await first.Worker.StartAsync(CancellationToken.None);
            await crashed.Task.WaitAsync(Guard);
            await first.Worker.StopAsync(CancellationToken.None);
            Assert.InRange(first.Outbox.PendingCount, 1, channels * updates - 1);
        }

        discord.AfterPosting = null;
        using var second = new CurationBed(LiteDbFactory.OpenFile(path), publishers: [discord, slack]);
        await second.DrainAsync();

        for (var c = 0; c < channels; c++)
            Assert.Equal(updates, discord.MessagesIn($"A-c{c}").Count);
        Assert.Equal(channels * updates, discord.MessageCount);
        Assert.Equal(channels * updates, second.Outbox.DeliveredCount);
        // The sends interrupted by the crash were repeated with the same nonce, and only those.
        Assert.InRange(discord.Calls, channels * updates + 1, channels * updates + 8);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task Fan_out_through_a_rate_limited_failing_api_delivers_once_to_healthy_channels_and_pauses_the_rest()
    {
        await using var api = await FakeChatApi.StartAsync(perSecond: 50);
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var publisher = new HttpChannelPublisher(http);
        using var bed = new CurationBed(publishers: [publisher]);
        bed.Import();
        const int channels = 60;
        for (var c = 0; c < channels; c++)
            bed.Run("subscribe", ChannelMod(Platform.Discord, c));
        api.Forbidden["A-c3"] = 1;
        api.Gone["A-c7"] = 1;
        api.FailuresLeft["A-c11"] = 2;

        bed.Run("fact add grok-1 license MIT https://example.com/l", Owner);
        await bed.DrainAsync(TimeSpan.FromMilliseconds(20));

        Assert.Equal(channels - 2, api.MessageCount);
        Assert.All(
            Enumerable.Range(0, channels).Where(c => c is not 3 and not 7),
            c => Assert.Equal(1, api.MessagesIn($"A-c{c}"))
        );
        var paused = bed.Get<SubscriptionStore>()
            .All()
            .Where(s => !s.IsActive)
            .ToDictionary(s => s.Channel.ChannelId, s => s.Paused!.Reason);
        Assert.Equal(
            new Dictionary<string, PauseReason>
            {
                ["A-c3"] = PauseReason.Forbidden,
                ["A-c7"] = PauseReason.ChannelGone,
            },
            paused
        );
        Assert.Equal(channels + 2 + api.RateLimited, api.Requests);
    }
}
