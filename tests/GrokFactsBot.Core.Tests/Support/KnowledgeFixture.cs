using GrokFactsBot.Core;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Tests.Support;

/// <summary>
/// The real core DI graph over an in-memory LiteDB and a temporary knowledge folder written by the test.
/// </summary>
public sealed class KnowledgeFixture : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempFolder _folder = new();

    public KnowledgeFixture(
        IReadOnlyDictionary<string, string>? files = null,
        ILiteDatabase? database = null,
        TimeProvider? clock = null
    )
    {
        foreach (var (name, text) in files ?? new Dictionary<string, string> { ["models.yaml"] = SampleKnowledge.Yaml })
            Write(name, text);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddKnowledgeCore();
        var db = database ?? LiteDbFactory.InMemory();
        services.AddSingleton<ILiteDatabase>(_ => db);
        if (clock is not null)
            services.AddSingleton(clock);
        _services = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }
        );
    }

    public string Directory => _folder.Path;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public KnowledgeStore Store => Get<KnowledgeStore>();

    public ImportResult Import(bool checkOnly = false) => Get<KnowledgeImporter>().Import(Directory, checkOnly);

    public void Write(string name, string text) => _folder.Write(name, text);

    public Answer Run(string line, Caller? caller = null) =>
        Get<TextCommandRunner>().Run(line, caller ?? Caller.Console("tester"));

    public R Resolve(string name) => Get<ModelResolver>().Resolve(name, Audience.Everyone);

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
