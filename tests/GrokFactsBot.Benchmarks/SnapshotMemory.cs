using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// <c>-- memory [real|generated]</c>: the managed bytes one knowledge snapshot holds, measured as the growth of the
/// live heap when a second full snapshot is built and kept beside the first.
/// </summary>
public static class SnapshotMemory
{
    public static int Run(IReadOnlyList<string> options)
    {
        using var kb = KnowledgeBase.Open(options.Count > 0 ? options[0] : "real");
        var first = kb.Store.Snapshot;
        var before = LiveBytes();
        kb.Store.MarkChanged();
        var second = kb.Store.Snapshot;
        var after = LiveBytes();
        var names = NameIndex.Build(second.AllModels);
        var withNames = LiveBytes();
        Console.WriteLine(
            $"one snapshot: {(after - before) / 1048576.0:F1} MiB managed for {second.ModelCount} models and "
                + $"{second.ClaimCount} claims, of which the name index {(withNames - after) / 1048576.0:F1} MiB; "
                + $"live heap with the store open: {before / 1048576.0:F1} MiB"
        );
        GC.KeepAlive(first);
        GC.KeepAlive(names);
        return 0;
    }

    private static long LiveBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
