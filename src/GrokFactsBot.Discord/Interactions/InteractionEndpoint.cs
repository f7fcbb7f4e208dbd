using System.Text.Json;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Interactions;

/// <summary>
/// POST /discord/interactions: read the raw bytes (at most <see cref="MaxBodyBytes"/>), verify the signature over
/// them, and only then parse. Discord probes with bad signatures on purpose and expects 401.
/// </summary>
public static class InteractionEndpoint
{
    public const string Path = "/discord/interactions";
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        Ed25519Verifier verifier,
        InteractionHandler handler,
        BotMetrics metrics,
        LateWork late,
        ILoggerFactory loggers
    )
    {
        var body = await BoundedBody.ReadAsync(
            context.Request.Body,
            context.Request.ContentLength,
            MaxBodyBytes,
            context.RequestAborted
        );
        if (body is null)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.IsValid(signature, timestamp, body))
        {
            metrics.SignatureRejected(
                Platform.Discord,
                string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) ? "missing_headers" : "mismatch"
            );
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException e)
        {
            loggers
                .CreateLogger(typeof(InteractionEndpoint))
                .LogWarning("Signed interaction with unreadable JSON: {Error}", e.Message);
            interaction = null;
        }
        if (interaction is null)
            return Results.Text("the body is not an interaction", statusCode: StatusCodes.Status400BadRequest);

        var reply = await handler.RespondAsync(interaction, context.RequestAborted);
        if (reply.AfterInitial is { } afterInitial)
        {
            // Tracked from now, so a shutdown that starts before Discord has our response still waits for it; run
            // once the response is out, so the edit never races ahead of the defer it edits.
            var responded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            context.Response.OnCompleted(() =>
            {
                responded.TrySetResult();
                return Task.CompletedTask;
            });
            late.Run(
                $"the deferred answer to interaction {interaction.Id}",
                async ct =>
                {
                    await responded.Task.WaitAsync(ct);
                    await afterInitial(ct);
                }
            );
        }
        return Results.Json(reply.Initial, DiscordJsonContext.Default.InteractionResponse);
    }
}
