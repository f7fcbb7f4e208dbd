using GrokFactsBot.Core.Asking;
using GrokFactsBot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Core.News;

public static class NewsRegistration
{
    /// <summary><c>news</c> and "what's new" questions, over the outbox and the knowledge base (needs AddCuration).</summary>
    public static IServiceCollection AddNews(this IServiceCollection services)
    {
        services.AddSingleton<NewsDigest>();
        services.AddSingleton<ICommandHandler, NewsCommands>();
        services.AddSingleton<IQuestionRoute, NewsQuestion>();
        return services;
    }
}
