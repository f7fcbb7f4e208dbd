using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Testing.ChatApi;

/// <summary>
/// A minimal Discord-shaped publisher over HTTP for the fake API: paces itself to the global limit as the real REST
/// client does, sends the delivery key as nonce with enforce_nonce, and maps status codes to publish outcomes.
/// </summary>
public sealed class HttpChannelPublisher(HttpClient http, int perSecond = 50) : IChannelPublisher, IDisposable
{
    // A slot is held from sending until one second after the answer came back, so however long a request took to
    // reach the server, no second there ever sees more than the limit (one slot and 5 ms are kept spare for timer
    // rounding).
    private readonly SemaphoreSlim _slots = new(perSecond - 1);

    public Platform Platform => Platform.Discord;

    public async Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        CancellationToken cancellationToken
    )
    {
        await _slots.WaitAsync(cancellationToken);
        var content = $"**{update.Title}**\n{update.Headline}";
        using var response = await SendAsync(
            channel,
            new
            {
                content,
                nonce = deliveryKey,
                enforce_nonce = true,
            },
            cancellationToken
        );
        return response.StatusCode switch
        {
            >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous => PublishResult.Delivered,
            HttpStatusCode.Forbidden => new PublishResult(PublishOutcome.Forbidden, "403 Missing Permissions"),
            HttpStatusCode.NotFound => new PublishResult(PublishOutcome.ChannelGone, "404 Unknown Channel"),
            HttpStatusCode.TooManyRequests => new PublishResult(
                PublishOutcome.RetryLater,
                "429",
                await RetryAfterAsync(response, cancellationToken)
            ),
            _ => new PublishResult(PublishOutcome.RetryLater, ((int)response.StatusCode).ToString()),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(
        ChannelAddress channel,
        object body,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await http.PostAsJsonAsync($"channels/{channel.ChannelId}/messages", body, cancellationToken);
        }
        finally
        {
            _ = Task.Delay(TimeSpan.FromSeconds(1.005), CancellationToken.None)
                .ContinueWith(_ => _slots.Release(), TaskScheduler.Default);
        }
    }

    public void Dispose() => _slots.Dispose();

    private static async Task<TimeSpan> RetryAfterAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken
    )
    {
        using var body = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken),
            cancellationToken: cancellationToken
        );
        return TimeSpan.FromSeconds(body.RootElement.GetProperty("retry_after").GetDouble());
    }
}
