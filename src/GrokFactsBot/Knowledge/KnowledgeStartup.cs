using GrokFactsBot.Core.Curation;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Knowledge;

/// <summary>
/// Imports the knowledge folder before anything answers; a bad file stops start-up with every problem listed. Chat
/// sources stored before sources were scoped are then moved to their servers (<see cref="ChatSourceScopes"/>).
/// </summary>
public sealed class KnowledgeStartup(
    KnowledgeImporter importer,
    KnowledgeStore store,
    CurationLog log,
    KnowledgeFolderReading folder,
    ILogger<KnowledgeStartup> logger,
    TimeProvider clock
) : IHostedService
{
    public bool IsImported { get; private set; }

    public static string ResolveDirectory(KnowledgeOptions options) =>
        string.IsNullOrWhiteSpace(options.Directory)
            ? Path.Combine(AppContext.BaseDirectory, "knowledge")
            : options.Directory;

    public ImportResult Run(bool checkOnly = false) => importer.Import(folder.Take(), checkOnly);

    /// <summary>Imports once: start-up's preflight runs it before the host starts, the host's start then finds it done.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsImported)
            return Task.CompletedTask;
        var started = clock.GetTimestamp();
        var result = Run();
        if (!result.Succeeded)
            throw new KnowledgeImportException(result);
        logger.LogInformation(
            "Knowledge imported in {Milliseconds:0} ms: {Summary}",
            clock.GetElapsedTime(started).TotalMilliseconds,
            result.Summary
        );
        var moved = ChatSourceScopes.Migrate(store, log, clock.GetUtcNow());
        if (moved.Count > 0)
            logger.LogInformation(
                "Moved {Count} chat sources a server admin created before sources were scoped to that server: {Ids}",
                moved.Count,
                string.Join(", ", moved)
            );
        IsImported = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class KnowledgeImportException(ImportResult result)
    : StartupProblemException(result.Summary + Environment.NewLine + string.Join(Environment.NewLine, result.Problems))
{
    public ImportResult Result { get; } = result;
}
