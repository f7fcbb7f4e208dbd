using GrokFactsBot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Charts;

public static class ChartsRegistration
{
    /// <summary>The <c>timeline</c> command and its chart.</summary>
    public static IServiceCollection AddCharts(this IServiceCollection services) =>
        services.AddSingleton<ICommandHandler, TimelineCommands>();
}
