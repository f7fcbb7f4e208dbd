using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Knowledge;

/// <summary>
/// Reads the knowledge folder ahead on a worker thread once start-up asks (<see cref="Begin"/>), while the database is
/// read; the first import takes that read, every later one reads the folder afresh.
/// </summary>
public sealed class KnowledgeFolderReading(IOptions<KnowledgeOptions> options)
{
    private Task<KnowledgeFolder>? _ahead;

    public void Begin() => Interlocked.CompareExchange(ref _ahead, Task.Run(Read), null);

    public KnowledgeFolder Take() => Interlocked.Exchange(ref _ahead, null)?.GetAwaiter().GetResult() ?? Read();

    private KnowledgeFolder Read() =>
        KnowledgeFolder.Read(KnowledgeStartup.ResolveDirectory(options.Value), options.Value.Datasets);
}
