using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rest;
using GrokFactsBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// The REST client keeps Discord's limits before it sends, on a fake clock: before, it only reacted to 429s, and a
/// fan-out got hundreds of them.
/// </summary>
public sealed class PacingTests : DiscordGraphTest
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Discord:GlobalRequestsPerSecond"] = "5";

    private DiscordRestClient Client => Services.GetRequiredService<DiscordRestClient>();

    [Fact]
    public async Task Requests_to_many_channels_go_out_at_most_the_global_limit_per_second()
    {
        var sends = Enumerable
            .Range(0, 12)
            .Select(i =>
                Client.SendAsync(HttpMethod.Post, $"channels/{100 + i}/messages", new MessagePayload(Content: "x"), default)
            )
            .ToList();

        foreach (var (second, expected) in new[] { (0, 5), (1, 10), (2, 12) })
        {
            await CompletedAsync(sends, expected);
            // The rest wait for a slot, which only the clock frees: nothing more has reached Discord.
            Assert.Equal(expected, Discord.Requests.Count);
            Assert.Equal(expected, sends.Count(s => s.IsCompleted));
            _clock.Advance(GlobalLimit.SlotHeld);
        }
        Assert.All(await Task.WhenAll(sends), r => Assert.True(r.IsSuccess));
    }

    [Fact]
    public async Task Interaction_callbacks_and_edits_are_not_held_by_the_global_limit()
    {
        var held = Enumerable
            .Range(0, 5)
            .Select(i => Client.SendAsync(HttpMethod.Post, $"channels/{200 + i}/messages", new MessagePayload(), default))
            .ToList();
        await CompletedAsync(held, 5);

        var edit = await Client.SendAsync(HttpMethod.Patch, $"webhooks/{ApplicationId}/tok-1/messages/@original", new MessagePayload(), default);

        Assert.True(edit.IsSuccess);
    }

    [Fact]
    public async Task A_slot_is_free_again_only_after_a_second_and_its_margin_and_none_before_the_limit_opens()
    {
        using var limit = new GlobalLimit(2, _clock, _clock.GetUtcNow() + TimeSpan.FromSeconds(0.7));
        var first = limit.AcquireAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(0.7) - TimeSpan.FromTicks(1));
        Assert.False(first.IsCompleted, "a process restarted after a crash waits out its predecessor's last second");
        _clock.Advance(TimeSpan.FromTicks(1));
        (await first.WaitAsync(TimeSpan.FromSeconds(20))).Dispose();
        (await limit.AcquireAsync(default)).Dispose();

        var third = limit.AcquireAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(third.IsCompleted, "a timer may fire a tick early: a slot freed at exactly 1 s can cost a 429");
        _clock.Advance(GlobalLimit.SlotHeld - TimeSpan.FromSeconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(20))).Dispose();
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.3, 0.7)]
    [InlineData(0.999, 0.001)]
    [InlineData(1.0, 0.0)]
    [InlineData(42.0, 0.0)]
    public void A_process_s_global_limit_opens_one_second_after_it_started(double ageSeconds, double closedSeconds)
    {
        var closedFor = RateLimiter.RestOfFirstSecond(TimeSpan.FromSeconds(ageSeconds));

        Assert.Equal(TimeSpan.FromSeconds(closedSeconds), closedFor);
    }

    [Fact]
    public void The_limiter_keeps_its_first_second_on_its_own_clock()
    {
        using var limiter = new RateLimiter(
            _clock,
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions { GlobalRequestsPerSecond = 5 })
        );

        // This process is older than a second by now, or the rest of its first second lies ahead on the fake clock.
        Assert.InRange(limiter.Global.OpensAt, _clock.GetUtcNow(), _clock.GetUtcNow() + TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("PATCH", "webhooks/111/tok-a/messages/@original", "PATCH /webhooks/111/{token}/messages/@original", "111/tok-a")]
    [InlineData("PATCH", "webhooks/111/tok-b/messages/@original", "PATCH /webhooks/111/{token}/messages/@original", "111/tok-b")]
    [InlineData("POST", "interactions/900/tok-c/callback", "POST /interactions/{id}/{token}/callback", "/tok-c")]
    [InlineData("POST", "channels/42/messages", "POST /channels/42/messages", "42")]
    [InlineData("GET", "gateway/bot", "GET /gateway/bot", "")]
    public void Each_interaction_token_is_a_route_of_its_own(string method, string path, string template, string major)
    {
        var route = RouteKey.For(new HttpMethod(method), path);

        Assert.Equal(template, route.Template);
        Assert.Equal(major, route.Major);
    }

    [Fact]
    public async Task Past_most_of_the_invalid_request_allowance_requests_wait_until_old_ones_age_out()
    {
        var budget = Services.GetRequiredService<RateLimiter>().Invalid;
        Discord.Respond = _ => new FakeResponse(403, """{"message":"Missing Permissions","code":50013}""");
        var forbidden = await Client.SendAsync(HttpMethod.Post, "channels/300/messages", new MessagePayload(), default);
        Assert.Equal(RestOutcome.Forbidden, forbidden.Outcome);
        Assert.Equal(1, budget.Count);
        _clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 1; i < InvalidRequestBudget.Threshold; i++)
            budget.Record();
        Discord.Respond = _ => null;

        var held = Client.SendAsync(HttpMethod.Post, "channels/301/messages", new MessagePayload(), default);
        Assert.False(held.IsCompleted);
        Assert.Equal(TimeSpan.FromMinutes(9), budget.Delay());
        _clock.Advance(TimeSpan.FromMinutes(9));

        Assert.True((await held).IsSuccess);
        Assert.Equal(InvalidRequestBudget.Threshold - 1, budget.Count);
    }

    /// <summary>Waits, without polling, until <paramref name="count"/> of the sends have finished.</summary>
    private static async Task CompletedAsync(List<Task<RestResult>> sends, int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (sends.Count(s => s.IsCompleted) < count)
            await Task.WhenAny(sends.Where(s => !s.IsCompleted)).WaitAsync(guard.Token);
    }
}
