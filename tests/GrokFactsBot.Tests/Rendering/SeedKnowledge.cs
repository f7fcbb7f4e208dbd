using GrokFactsBot.Core;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Tests.Rendering;

/// <summary>The core over an in-memory LiteDB holding the repository's own knowledge/ folder.</summary>
public sealed class SeedKnowledge : IDisposable
{
    private readonly ServiceProvider _services;

    public SeedKnowledge()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddKnowledgeCore();
        services.AddSingleton<ILiteDatabase>(_ => LiteDbFactory.InMemory());
        _services = services.BuildServiceProvider();
        var result = _services
            .GetRequiredService<KnowledgeImporter>()
            .Import(Path.Combine(TestPaths.RepositoryRoot, "knowledge"), checkOnly: false);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("\n", result.Problems));
        ModelNames = _services.GetRequiredService<KnowledgeStore>().AllModels().Select(m => m.Name).Order().ToList();
    }

    public IReadOnlyList<string> ModelNames { get; }

    /// <summary>A member of a server (no admin rights), as most readers are.</summary>
    public static Caller Member => new(Platform.Discord, "discord:1", "ada", "discord:42", "7", false, false, false);

    public Answer Run(string line) => _services.GetRequiredService<TextCommandRunner>().Run(line, Member);

    public void Dispose() => _services.Dispose();
}
