using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.WebApi;

/// <summary>
/// A thin Slack Web API client: Bearer token in the header (never in the body), JSON bodies, <c>ok:false</c> as a
/// typed error, and a 429's Retry-After honoured once when short, otherwise handed back to the caller.
/// </summary>
public sealed class SlackApiClient(
    HttpClient http,
    IOptions<SlackOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SlackApiClient> logger
)
{
    public static readonly TimeSpan MaxInlineRetryWait = TimeSpan.FromSeconds(5);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Task<SlackApiResult> PostAsync(
        string method,
        JsonObject body,
        CancellationToken cancellationToken,
        string? token = null
    ) =>
        SendAsync(
            method,
            () =>
                new HttpRequestMessage(HttpMethod.Post, method)
                {
                    Content = new StringContent(body.ToJsonString(), Encoding.UTF8, Json),
                },
            token,
            cancellationToken
        );

    /// <summary>Methods documented with form arguments only (files.getUploadURLExternal) get them as a form.</summary>
    public Task<SlackApiResult> PostFormAsync(
        string method,
        IReadOnlyDictionary<string, string> fields,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            method,
            () => new HttpRequestMessage(HttpMethod.Post, method) { Content = new FormUrlEncodedContent(fields) },
            null,
            cancellationToken
        );

    /// <summary>
    /// Sends a file's bytes to the upload URL files.getUploadURLExternal gave: a multipart form with the file as
    /// "filename", no token (the URL is the credential).
    /// </summary>
    public async Task<SlackApiResult> UploadAsync(
        Uri uploadUrl,
        string fileName,
        byte[] bytes,
        CancellationToken cancellationToken
    )
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "filename", fileName);
        try
        {
            using var response = await http.PostAsync(uploadUrl, form, cancellationToken);
            return response.IsSuccessStatusCode
                ? SlackApiResult.Success([])
                : SlackApiResult.Failure(
                    (int)response.StatusCode >= 500 ? SlackErrorKind.ServerError : SlackErrorKind.Other,
                    $"the upload URL answered {(int)response.StatusCode}"
                );
        }
        catch (HttpRequestException e)
        {
            return SlackApiResult.Failure(SlackErrorKind.Unreachable, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SlackApiResult.Failure(SlackErrorKind.Unreachable, "timed out");
        }
    }

    /// <summary>Read methods such as users.info take their arguments as a query, not JSON.</summary>
    public Task<SlackApiResult> GetAsync(
        string method,
        IReadOnlyDictionary<string, string> query,
        CancellationToken cancellationToken
    ) =>
        SendAsync(
            method,
            () =>
                new HttpRequestMessage(
                    HttpMethod.Get,
                    method
                        + "?"
                        + string.Join(
                            '&',
                            query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")
                        )
                ),
            null,
            cancellationToken
        );

    /// <summary>Posts to a slash command's response_url, which needs no token and answers in plain text.</summary>
    public async Task<SlackApiResult> PostToResponseUrlAsync(
        Uri responseUrl,
        JsonObject body,
        CancellationToken cancellationToken
    )
    {
        try
        {
            using var response = await http.PostAsync(
                responseUrl,
                new StringContent(body.ToJsonString(), Encoding.UTF8, Json),
                cancellationToken
            );
            if (response.IsSuccessStatusCode)
                return SlackApiResult.Success([]);
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            return SlackApiResult.Failure(
                response.StatusCode == HttpStatusCode.NotFound ? SlackErrorKind.ChannelNotFound : SlackErrorKind.Other,
                $"response_url answered {(int)response.StatusCode}: {detail}"
            );
        }
        catch (HttpRequestException e)
        {
            return SlackApiResult.Failure(SlackErrorKind.Unreachable, e.Message);
        }
    }

    private async Task<SlackApiResult> SendAsync(
        string method,
        Func<HttpRequestMessage> build,
        string? token,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? options.Value.BotToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning("Slack {Method} unreachable: {Error}", method, e.Message);
                return SlackApiResult.Failure(SlackErrorKind.Unreachable, e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return SlackApiResult.Failure(SlackErrorKind.Unreachable, "timed out");
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    metrics.RateLimitWaited(Platform.Slack);
                    logger.LogWarning("Slack {Method} rate limited; Retry-After {Seconds}s", method, wait.TotalSeconds);
                    if (attempt > 0 || wait > MaxInlineRetryWait)
                        return SlackApiResult.Failure(SlackErrorKind.RateLimited, "ratelimited", wait);
                    await Task.Delay(wait, time, cancellationToken);
                    continue;
                }
                if ((int)response.StatusCode >= 500)
                    return SlackApiResult.Failure(
                        SlackErrorKind.ServerError,
                        $"HTTP {(int)response.StatusCode}",
                        response.Headers.RetryAfter?.Delta
                    );
                return await ReadAsync(method, response, cancellationToken);
            }
        }
    }

    private async Task<SlackApiResult> ReadAsync(
        string method,
        HttpResponseMessage response,
        CancellationToken cancellationToken
    )
    {
        JsonObject? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(SlackJsonContext.Default.JsonObject, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
            return SlackApiResult.Failure(SlackErrorKind.Other, $"HTTP {(int)response.StatusCode} without a JSON body");
        if (body["ok"]?.GetValue<bool>() == true)
            return SlackApiResult.Success(body);
        var error = SlackApiError.FromCode(body["error"]?.GetValue<string>() ?? "unknown_error");
        if (error.Kind is SlackErrorKind.InvalidAuth or SlackErrorKind.MissingScope)
            logger.LogError(
                "Slack {Method} refused: {Error}. Check the token and the app's scopes.",
                method,
                error.Code
            );
        return new SlackApiResult(null, error);
    }
}
