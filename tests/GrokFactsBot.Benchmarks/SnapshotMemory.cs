using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// <c>-- memory [real|generated]</c>: the live managed bytes of the knowledge base once open, as the bot holds it
/// (the file checked and read once, its first snapshot kept), and how much more LiteDB caches once everything is
/// read again through the bot's own instance. The name index is measured as the growth when a copy is built.
/// </summary>
public static class SnapshotMemory
{
    public static int Run(IReadOnlyList<string> options)
    {
        var name = options.Count > 0 ? options[0] : "real";
        string path;
        using (var kb = KnowledgeBase.Open(name))
            path = kb.DatabasePath;
        var before = LiveBytes();
        using var database = LiteDbFactory.OpenFile(path);
        var store = new KnowledgeStore(database);
        var snapshot = store.Snapshot;
        var open = LiveBytes();
        store.MarkChanged();
        _ = store.Snapshot;
        var reread = LiveBytes();
        var names = NameIndex.Build(snapshot.AllModels);
        var named = LiveBytes();
        Console.WriteLine(
            $"open, first snapshot kept: {Mib(open - before)} managed for {snapshot.ModelCount} models and "
                + $"{snapshot.ClaimCount} claims, of which its name index {Mib(named - reread)}; "
                + $"after a full re-read through LiteDB: +{Mib(reread - open)}"
        );
        GC.KeepAlive(snapshot);
        GC.KeepAlive(names);
        return 0;
    }

    private static string Mib(long bytes) => $"{bytes / 1048576.0:F1} MiB";

    private static long LiveBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
