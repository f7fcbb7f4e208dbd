using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rest;
using GrokFactsBot.Discord.Tests.Fakes;
using GrokFactsBot.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// The REST client against the fake Discord, both on a test clock: every wait the client makes (a 429's retry_after,
/// a bucket's reset, the backoff after a 5xx) passes when the test moves the clock past it, and its length is
/// checked instead of the real time that went by.
/// </summary>
public sealed class RestClientTests : DiscordGraphTest
{
    private readonly WatchedClock _clock = new();

    protected override TimeProvider Clock => _clock;

    private DiscordRestClient Client => Services.GetRequiredService<DiscordRestClient>();

    /// <summary>The request, with the clock moved past each wait it makes; its result and those waits.</summary>
    private async Task<(RestResult Result, List<TimeSpan> Waits)> Send(Func<DiscordRestClient, Task<RestResult>> send)
    {
        var (result, waits) = await _clock.RunAsync(send(Client));
        // A global slot stays taken a second after each answer: that wait is the global limit's, not the route's.
        return (result, waits.Where(w => w != GlobalLimit.SlotHeld).ToList());
    }

    private static FakeResponse RateLimited(double seconds, bool global = false) =>
        new(
            429,
            $$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(global ? "true" : "false")}}}"""
        );

    [Fact]
    public async Task Requests_carry_bot_authorization_and_discord_user_agent()
    {
        var result = await Client.SendAsync(
            HttpMethod.Post,
            "channels/5/messages",
            new MessagePayload(Content: "hi"),
            CancellationToken.None
        );
        Assert.True(result.IsSuccess);
        var request = Assert.Single(Discord.Requests);
        Assert.Equal("Bot " + BotToken, request.Headers["Authorization"]);
        Assert.Equal(DiscordRegistration.UserAgent, request.Headers["User-Agent"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_retried_once_after_retry_after_seconds()
    {
        var calls = 0;
        Discord.Respond = _ => Interlocked.Increment(ref calls) == 1 ? RateLimited(0.2) : null;
        var from = _clock.TimersStarted;

        var send = Client.GetAsync("gateway/bot", CancellationToken.None);
        var (_, retryIn) = await _clock.TimerAsync(from, due => due != GlobalLimit.SlotHeld);
        Assert.Equal(TimeSpan.FromSeconds(0.2) + RateLimiter.SafetyMargin, retryIn);
        Assert.Single(Discord.Requests);
        _clock.Advance(retryIn);
        var result = await send;

        Assert.True(result.IsSuccess);
        Assert.Equal(2, Discord.Requests.Count);
        Assert.Equal(retryIn, Discord.Requests[1].At - Discord.Requests[0].At);
    }

    [Fact]
    public async Task A_storm_on_an_exhausted_bucket_is_waited_out_without_hitting_429()
    {
        var gate = new object();
        var nextAllowed = DateTimeOffset.MinValue;
        var limited = 0;
        Discord.Respond = _ =>
        {
            lock (gate)
            {
                var now = _clock.GetUtcNow();
                if (now < nextAllowed)
                {
                    limited++;
                    return RateLimited((nextAllowed - now).TotalSeconds);
                }
                nextAllowed = now.AddMilliseconds(40);
                return new FakeResponse(
                    200,
                    "{}",
                    new Dictionary<string, string>
                    {
                        ["X-RateLimit-Limit"] = "1",
                        ["X-RateLimit-Remaining"] = "0",
                        ["X-RateLimit-Reset-After"] = "0.040",
                        ["X-RateLimit-Bucket"] = "msgs",
                    }
                );
            }
        };
        var sends = Enumerable
            .Range(0, 8)
            .Select(i =>
                Client.SendAsync(
                    HttpMethod.Post,
                    "channels/9/messages",
                    new MessagePayload(Content: i.ToString()),
                    CancellationToken.None
                )
            );
        var (results, _) = await _clock.RunAsync(Task.WhenAll(sends));
        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(0, limited);
        Assert.Equal(8, Discord.Requests.Count);
    }

    [Theory]
    [InlineData(401, RestOutcome.Unauthorized)]
    [InlineData(403, RestOutcome.Forbidden)]
    [InlineData(404, RestOutcome.NotFound)]
    public async Task Auth_and_missing_resource_errors_are_never_retried(int status, RestOutcome outcome)
    {
        Discord.Respond = _ => new FakeResponse(status, """{"message":"no","code":50001}""");
        var (result, waits) = await Send(c => c.GetAsync("channels/3", CancellationToken.None));
        Assert.Equal(outcome, result.Outcome);
        Assert.Empty(waits);
        Assert.Equal(50001, result.Code);
        Assert.Single(Discord.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_success()
    {
        var calls = 0;
        Discord.Respond = _ => Interlocked.Increment(ref calls) <= 2 ? new FakeResponse(502) : null;
        var (result, waits) = await Send(c => c.GetAsync("channels/3", CancellationToken.None));
        Assert.True(result.IsSuccess);
        Assert.Equal(3, Discord.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)], waits);
    }

    [Fact]
    public async Task Server_errors_stop_after_the_attempt_limit()
    {
        Discord.Respond = _ => new FakeResponse(500);
        var (result, waits) = await Send(c => c.GetAsync("channels/3", CancellationToken.None));
        Assert.Equal(RestOutcome.ServerError, result.Outcome);
        Assert.Equal(DiscordRestClient.MaxAttempts, Discord.Requests.Count);
        Assert.Equal([0.25, 0.5, 1, 2], waits.Select(w => w.TotalSeconds));
    }

    private static readonly Answer Update = Answer.Message(AnswerKind.Facts, "Grok-3 released", "@everyone look");

    [Fact]
    public async Task Publisher_posts_the_embed_with_nonce_and_no_mentions()
    {
        var publisher = Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platform.Discord);
        var result = await publisher.PublishAsync(
            new ChannelAddress(Platform.Discord, "314", "discord:42"),
            Update,
            "upd-7-ch-314",
            CancellationToken.None
        );
        Assert.Equal(PublishOutcome.Delivered, result.Outcome);
        var request = Assert.Single(Discord.Requests);
        Assert.Equal("/channels/314/messages", request.Path);
        Assert.Equal("upd-7-ch-314", (string)request.Json["nonce"]!);
        Assert.True((bool)request.Json["enforce_nonce"]!);
        Assert.Empty(request.Json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains(
            "@\u200beveryone",
            request.Json["embeds"]!.ToJsonString(
                new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
            ),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(403, """{"message":"Missing Access","code":50001}""", PublishOutcome.Forbidden)]
    [InlineData(404, """{"message":"Unknown Channel","code":10003}""", PublishOutcome.ChannelGone)]
    [InlineData(400, """{"message":"Unknown Channel","code":10003}""", PublishOutcome.ChannelGone)]
    [InlineData(503, "", PublishOutcome.RetryLater)]
    public async Task Publisher_maps_failures_to_outcomes(int status, string body, PublishOutcome expected)
    {
        Discord.Respond = _ => new FakeResponse(status, body);
        var publisher = Services.GetServices<IChannelPublisher>().Single(p => p.Platform == Platform.Discord);
        var (result, _) = await _clock.RunAsync(
            publisher.PublishAsync(new ChannelAddress(Platform.Discord, "314", null), Update, "k1", CancellationToken.None)
        );
        Assert.Equal(expected, result.Outcome);
    }
}
