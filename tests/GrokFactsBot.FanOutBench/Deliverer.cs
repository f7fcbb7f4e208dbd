using GrokFactsBot.Core.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.FanOutBench;

/// <summary>
/// The process the bench may kill: the bot's delivery worker on the prepared file, posting through the real Discord
/// REST client to the fake API, until every healthy channel has its message and every dead one is paused.
/// </summary>
public static class Deliverer
{
    public static async Task<int> RunAsync(string databasePath, Uri api, int healthy, int dead)
    {
        await using var services = BenchGraph.Build(databasePath, api);
        var outbox = services.GetRequiredService<UpdateOutbox>();
        var subscriptions = services.GetRequiredService<SubscriptionStore>();
        var worker = services.GetRequiredService<DeliveryWorker>();
        await worker.StartAsync(CancellationToken.None);
        while (outbox.DeliveredCount < healthy || subscriptions.All().Count(s => !s.IsActive) < dead)
            await Task.Delay(50);
        await worker.StopAsync(CancellationToken.None);
        return 0;
    }
}
