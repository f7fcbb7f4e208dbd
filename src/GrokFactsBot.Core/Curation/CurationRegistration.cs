using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Updates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Curation;

public static class CurationRegistration
{
    /// <summary>
    /// Admin curation from chat, channel subscriptions, and the outbox worker that delivers release updates through
    /// each platform's <see cref="IChannelPublisher"/> (registered by the platform adapters).
    /// </summary>
    public static IServiceCollection AddCuration(this IServiceCollection services)
    {
        // fact add|dispute|retract|prefer|promote|history, catalog add|alias, with their audit log
        services.AddSingleton<CurationLog>();
        services.AddSingleton<FactCuration>();
        services.AddSingleton<FactRanks>();
        services.AddSingleton<CatalogCuration>();
        services.AddSingleton<ICommandHandler, CurationCommands>();
        foreach (var alias in CurationCommands.TextAliases)
            services.AddSingleton(alias);

        // the outbox: updates raised by curation and imports, subscriptions, and delivery
        services
            .AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<UpdateOutbox>();
        services.AddSingleton<UpdateRaiser>();
        services.AddSingleton<IUpdateRaiser>(sp => sp.GetRequiredService<UpdateRaiser>());
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriptionFilterParser>();
        services.AddSingleton<ICommandHandler, SubscriptionCommands>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }
}
