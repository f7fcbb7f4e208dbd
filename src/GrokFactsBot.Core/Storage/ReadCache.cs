using System.Collections.Concurrent;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// What the answer path reads (models by name, claims by model, sources by id), kept in memory until the next write.
/// A write swaps in an empty generation, so a reader never sees data older than the last committed write; a reader
/// that raced a write can only fill the generation that write already discarded.
/// </summary>
internal sealed class ReadCache
{
    private Generation _current = new();

    public void Clear() => Volatile.Write(ref _current, new Generation());

    public T Get<T>(string kind, string key, Func<T> load)
        where T : class
    {
        var generation = Volatile.Read(ref _current);
        var slot = (kind, key);
        if (generation.Entries.TryGetValue(slot, out var cached))
            return (T)cached;
        var loaded = load();
        generation.Entries.TryAdd(slot, loaded);
        return loaded;
    }

    private sealed class Generation
    {
        public ConcurrentDictionary<(string Kind, string Key), object> Entries { get; } = new();
    }
}
