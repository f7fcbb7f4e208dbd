using GrokFactsBot.Core.Admin;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Asking;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core;

public static class CoreRegistration
{
    /// <summary>The knowledge base and the shared command set: storage, import, resolution, answers, routing.</summary>
    public static IServiceCollection AddKnowledgeCore(this IServiceCollection services)
    {
        services
            .AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services
            .AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.Section)
            .PostConfigure<IConfiguration>(
                (options, configuration) =>
                {
                    // "Knowledge:Datasets=" (an empty value, no list) turns the datasets off.
                    var datasets = configuration.GetSection($"{KnowledgeOptions.Section}:Datasets");
                    if (datasets.Value is { Length: 0 } && !datasets.GetChildren().Any())
                        options.Datasets = [];
                }
            );
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath;
            var file = sp.GetService<EarlyDatabaseCheck>()?.Take(path) ?? LiteDbFactory.Check(path);
            return LiteDbFactory.Open(file, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ILiteDatabase>(sp => sp.GetRequiredService<FileDatabase>());
        services.AddSingleton<LateWork>();
        services.AddHostedService(sp => sp.GetRequiredService<LateWork>());
        services.AddSingleton<BackupService>();
        services.AddHostedService(sp => sp.GetRequiredService<BackupService>());
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<KnowledgeImporter>();
        services.AddSingleton<ModelResolver>();
        services.AddSingleton<KnowledgeQueries>();
        services.AddSingleton<ModelComparison>();
        services.AddSingleton<LargestModels>();
        services.AddSingleton<YesNoAnswers>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<ICommandHandler, QueryCommands>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CommandLineParser>();
        services.AddSingleton<TextCommandRunner>();
        services.AddPresentation();
        return services;
    }
}
