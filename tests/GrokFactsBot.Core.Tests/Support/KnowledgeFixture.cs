using R = GrokFactsBot.Core.Resolution.Resolution;
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

namespace GrokFactsBot.Core.Tests.Support;

/// <summary>
/// The real core DI graph over an in-memory LiteDB and a temporary knowledge folder written by the test.
/// </summary>
public sealed class KnowledgeFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public KnowledgeFixture(IReadOnlyDictionary<string, string>? files = null, ILiteDatabase? database = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "grokfacts-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var (name, text) in files ?? new Dictionary<string, string> { ["models.yaml"] = SampleKnowledge.Yaml })
            Write(name, text);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddKnowledgeCore();
        var db = database ?? LiteDbFactory.InMemory();
        services.AddSingleton<ILiteDatabase>(_ => db);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string Directory { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public KnowledgeStore Store => Get<KnowledgeStore>();

    public ImportResult Import(bool checkOnly = false) => Get<KnowledgeImporter>().Import(Directory, checkOnly);

    public void Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public Answer Run(string line, Caller? caller = null) =>
        Get<TextCommandRunner>().Run(line, caller ?? Caller.Console("tester"));

    public R Resolve(string name) => Get<ModelResolver>().Resolve(name, Audience.Everyone);

    public void Dispose()
    {
        _services.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
