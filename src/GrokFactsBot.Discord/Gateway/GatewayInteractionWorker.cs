using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// Answers Gateway interactions over REST, each as late work of its own so one slow command delays no other and a
/// shutdown waits for answers already begun.
/// </summary>
public sealed class GatewayInteractionWorker(
    InteractionQueue queue,
    InteractionHandler handler,
    DiscordRestClient rest,
    LateWork late,
    ILogger<GatewayInteractionWorker> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var interaction in queue.Reader.ReadAllAsync(stoppingToken))
            late.Run($"the answer to Gateway interaction {interaction.Id}", ct => AnswerAsync(interaction, ct));
    }

    private async Task AnswerAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await handler.RespondAsync(interaction, cancellationToken);
            var result = await rest.SendAsync(
                HttpMethod.Post,
                $"interactions/{interaction.Id}/{interaction.Token}/callback",
                reply.Initial,
                cancellationToken
            );
            if (result.IsExpiredInteraction)
            {
                logger.LogWarning(
                    "Interaction {Id} expired before we answered (code {Code}); Discord showed the user a failure",
                    interaction.Id,
                    result.Code
                );
                return;
            }
            if (!result.IsSuccess)
            {
                logger.LogWarning("Answering interaction {Id} failed: {Result}", interaction.Id, result);
                return;
            }
            if (reply.AfterInitial is { } afterInitial)
                await afterInitial(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            logger.LogError(e, "Answering interaction {Id} failed", interaction.Id);
        }
    }
}
