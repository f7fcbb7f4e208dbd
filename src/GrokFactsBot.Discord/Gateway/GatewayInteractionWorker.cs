using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>Answers Gateway interactions over REST, each on its own task so one slow command delays no other.</summary>
public sealed class GatewayInteractionWorker(
    InteractionQueue queue,
    InteractionHandler handler,
    DiscordRestClient rest,
    ILogger<GatewayInteractionWorker> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var interaction in queue.Reader.ReadAllAsync(stoppingToken))
            _ = Task.Run(() => AnswerAsync(interaction, stoppingToken), stoppingToken);
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
