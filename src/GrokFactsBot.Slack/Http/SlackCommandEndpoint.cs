using System.Text;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Slack.Commands;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack.Http;

/// <summary>
/// POST /slack/commands: reads the raw form body (bounded), answers ssl_check, verifies the signature over the raw
/// bytes, then answers within Slack's 3 seconds. Bad requests get a clear status and text, never a 500.
/// </summary>
public sealed class SlackCommandEndpoint(
    SlashCommandResponder responder,
    IOptions<SlackOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SlackCommandEndpoint> logger
)
{
    public const string Path = "/slack/commands";

    /// <summary>
    /// A slash command's text is at most a few thousand characters; anything far larger is not from Slack.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            return TooLarge();
        if (
            request.ContentType is not { } type
            || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        )
            return Results.Text(
                "Expected a Slack slash command (application/x-www-form-urlencoded).",
                statusCode: StatusCodes.Status415UnsupportedMediaType
            );
        var body = await BoundedBody.ReadAsync(
            request.Body,
            declaredLength: null,
            MaxBodyBytes,
            request.HttpContext.RequestAborted
        );
        if (body is null)
            return TooLarge();

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        }
        catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
        {
            return Results.Text("The body is not a valid form.", statusCode: StatusCodes.Status400BadRequest);
        }
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;

        // Slack's ssl_check carries no command and may come unsigned: confirm receipt and do nothing.
        if (Field("ssl_check") == "1")
            return Results.Ok();

        var check = SlackSignature.Verify(
            options.Value.SigningSecret,
            request.Headers["X-Slack-Request-Timestamp"],
            request.Headers["X-Slack-Signature"],
            body,
            time.GetUtcNow()
        );
        if (check != SignatureCheck.Valid)
        {
            metrics.SignatureFailures.Add(1, new("platform", "slack"), new("reason", check.ToString()));
            if (check == SignatureCheck.NoSecretConfigured)
                logger.LogError(
                    "Refused a Slack command: Slack:SigningSecret is not configured, so no request can be verified"
                );
            else
                logger.LogWarning("Refused a Slack command: signature check {Result}", check);
            return Results.Text("Invalid or missing Slack signature.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var (command, problem) = SlashCommand.Read(Field);
        if (command is null)
            return Results.Text(problem!, statusCode: StatusCodes.Status400BadRequest);
        var message = await responder.RespondAsync(command);
        return Results.Json(message.ToResponse());
    }

    private static IResult TooLarge() =>
        Results.Text(
            $"A Slack command body is at most {MaxBodyBytes / 1024} KiB.",
            statusCode: StatusCodes.Status413PayloadTooLarge
        );
}
