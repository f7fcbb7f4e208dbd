using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Tests.Updates.Fakes;

/// <summary>
/// A minimal Discord-shaped publisher over HTTP for the fake API: paces itself to the global limit as the real REST
/// client does, sends the delivery key as nonce with enforce_nonce, and maps status codes to publish outcomes.
/// </summary>
public sealed class HttpChannelPublisher(HttpClient http, int perSecond = 50) : IChannelPublisher
{
    private readonly Lock _pace = new();
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1.0 / perSecond);
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public Platform Platform => Platform.Discord;

    public async Task<PublishResult> PublishAsync(ChannelAddress channel, Answer update, string deliveryKey, CancellationToken cancellationToken)
    {
        await WaitForSlotAsync(cancellationToken);
        var content = $"**{update.Title}**\n{update.Headline}";
        using var response = await http.PostAsJsonAsync($"channels/{channel.ChannelId}/messages",
            new { content, nonce = deliveryKey, enforce_nonce = true }, cancellationToken);
        return response.StatusCode switch
        {
            >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous => PublishResult.Delivered,
            HttpStatusCode.Forbidden => new PublishResult(PublishOutcome.Forbidden, "403 Missing Permissions"),
            HttpStatusCode.NotFound => new PublishResult(PublishOutcome.ChannelGone, "404 Unknown Channel"),
            HttpStatusCode.TooManyRequests => new PublishResult(PublishOutcome.RetryLater, "429", await RetryAfterAsync(response, cancellationToken)),
            _ => new PublishResult(PublishOutcome.RetryLater, ((int)response.StatusCode).ToString()),
        };
    }

    private async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_pace)
        {
            var now = DateTimeOffset.UtcNow;
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
    }

    private static async Task<TimeSpan> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return TimeSpan.FromSeconds(body.RootElement.GetProperty("retry_after").GetDouble());
    }
}
