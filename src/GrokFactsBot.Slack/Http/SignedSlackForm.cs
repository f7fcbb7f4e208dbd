using System.Text;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.Http;

/// <summary>
/// What every Slack request to the bot goes through before it is read, the same for slash commands and button
/// clicks: a bounded form body, ssl_check answered, and the signature verified over the raw bytes. A request that
/// fails gets a clear status and text, never a 500.
/// </summary>
public sealed class SignedSlackForm(
    IOptions<SlackOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SignedSlackForm> logger
)
{
    /// <summary>The form's fields, or the answer for a request that is not a signed Slack form.</summary>
    public async Task<(Func<string, string?>? Field, IResult? Answer)> ReadAsync(
        HttpRequest request,
        string what,
        int maxBodyBytes
    )
    {
        if (request.ContentLength > maxBodyBytes)
            return (null, TooLarge(what, maxBodyBytes));
        if (
            request.ContentType is not { } type
            || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        )
            return (
                null,
                Results.Text(
                    $"Expected a Slack {what} (application/x-www-form-urlencoded).",
                    statusCode: StatusCodes.Status415UnsupportedMediaType
                )
            );
        var body = await BoundedBody.ReadAsync(
            request.Body,
            declaredLength: null,
            maxBodyBytes,
            request.HttpContext.RequestAborted
        );
        if (body is null)
            return (null, TooLarge(what, maxBodyBytes));

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        }
        catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
        {
            return (null, Results.Text("The body is not a valid form.", statusCode: StatusCodes.Status400BadRequest));
        }
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;

        // Slack's ssl_check carries no request and may come unsigned: confirm receipt and do nothing.
        if (Field("ssl_check") == "1")
            return (null, Results.Ok());

        var check = SlackSignature.Verify(
            options.Value.SigningSecret,
            request.Headers["X-Slack-Request-Timestamp"],
            request.Headers["X-Slack-Signature"],
            body,
            time.GetUtcNow()
        );
        if (check == SignatureCheck.Valid)
            return (Field, null);
        metrics.SignatureRejected(Platform.Slack, check.ToString());
        if (check == SignatureCheck.NoSecretConfigured)
            logger.LogError(
                "Refused a Slack {What}: Slack:SigningSecret is not configured, so no request can be verified",
                what
            );
        else
            logger.LogWarning("Refused a Slack {What}: signature check {Result}", what, check);
        return (
            null,
            Results.Text("Invalid or missing Slack signature.", statusCode: StatusCodes.Status401Unauthorized)
        );
    }

    private static IResult TooLarge(string what, int maxBodyBytes) =>
        Results.Text(
            $"A Slack {what} body is at most {maxBodyBytes / 1024} KiB.",
            statusCode: StatusCodes.Status413PayloadTooLarge
        );
}
