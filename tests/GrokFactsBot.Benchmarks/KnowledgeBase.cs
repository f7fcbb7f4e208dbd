using System.Diagnostics;
using GrokFactsBot.Core;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Asking;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Benchmarks;

/// <summary>The real core over a LiteDB file, imported from a knowledge folder: what the bot answers from.</summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly ServiceProvider _services;

    private KnowledgeBase(ServiceProvider services, string path)
    {
        _services = services;
        DatabasePath = path;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    public TextCommandRunner Runner => _services.GetRequiredService<TextCommandRunner>();

    public ModelResolver Resolver => _services.GetRequiredService<ModelResolver>();

    public KnowledgeQueries Queries => _services.GetRequiredService<KnowledgeQueries>();

    public QuestionAnswerer Questions => _services.GetRequiredService<QuestionAnswerer>();

    public KnowledgeStore Store => _services.GetRequiredService<KnowledgeStore>();

    public static string WorkFolder => Path.Combine(Path.GetTempPath(), "grokfacts-bench");

    /// <summary>The repository's knowledge/ (or GROKFACTS_KNOWLEDGE), and the generated 10,000-model base.</summary>
    public static string Folder(string name) =>
        name switch
        {
            "real" => Environment.GetEnvironmentVariable("GROKFACTS_KNOWLEDGE")
                ?? Path.Combine(RepositoryRoot(), "knowledge"),
            _ => GeneratedKnowledge.EnsureWritten(
                Path.Combine(WorkFolder, "generated-" + GeneratedKnowledge.ClaimIdScheme)
            ),
        };

    public static KnowledgeBase Open(string name)
    {
        var path = Path.Combine(WorkFolder, name + ".db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = path })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddKnowledgeCore()
            .BuildServiceProvider();
        var started = Stopwatch.GetTimestamp();
        var result = services.GetRequiredService<KnowledgeImporter>().Import(Folder(name));
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Take(20)));
        Console.WriteLine(
            $"// {name} base: {result.Summary} (import {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)"
        );
        return new KnowledgeBase(services, path);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrokFactsBot.sln")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("run from inside the repository, or set GROKFACTS_KNOWLEDGE");
    }

    public void Dispose()
    {
        _services.GetRequiredService<ILiteDatabase>().Dispose();
        _services.Dispose();
    }
}
