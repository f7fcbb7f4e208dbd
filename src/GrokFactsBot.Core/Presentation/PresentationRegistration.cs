using GrokFactsBot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Core.Presentation;

public static class PresentationRegistration
{
    /// <summary>Who sees what and how: the visibility rule, its per-server setting, and the reply shaping.</summary>
    public static IServiceCollection AddPresentation(this IServiceCollection services)
    {
        services.AddSingleton<VisibilitySettings>();
        services.AddSingleton<ICommandHandler, SettingsCommands>();
        services.AddSingleton<Replies>();
        services.AddSingleton<ActionKey>();
        services.AddSingleton<ActionTokens>();
        return services;
    }
}
