using GrokFactsBot.Cli;
using GrokFactsBot.Core;
using GrokFactsBot.Core.Hosting;

namespace GrokFactsBot.Knowledge;

public static class KnowledgeRegistration
{
    /// <summary>
    /// The knowledge core, imported from the knowledge folder at start-up before any front end answers.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKnowledgeCore();
        builder.Services.AddSingleton<KnowledgeFolderReading>();
        builder.Services.AddSingleton<KnowledgeStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KnowledgeStartup>());
        builder.Services.AddCliVerb<AskVerb>("ask");
        builder.Services.AddCliVerb<ImportVerb>("import");
        builder.Services.AddCliVerb<BackupVerb>("backup");
        builder.Services.AddCliVerb<RenderVerb>("render");
        return builder;
    }
}
