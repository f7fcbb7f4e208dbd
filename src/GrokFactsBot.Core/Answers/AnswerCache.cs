using System.Collections.Concurrent;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// Read-only answers reused until the knowledge changes: the same question from the same audience gets the same
/// answer object, so front ends can also reuse what they rendered from it. Any write starts a new generation.
/// </summary>
public sealed class AnswerCache(KnowledgeStore store)
{
    /// <summary>
    /// Plenty for the questions a community repeats; past it answers are built fresh rather than kept.
    /// </summary>
    public const int MaxEntries = 4096;

    private Generation _current = new(-1);

    public Answer GetOrAdd(string key, Func<Answer> build)
    {
        var version = store.Version;
        var generation = Volatile.Read(ref _current);
        if (generation.Version != version)
        {
            generation = new Generation(version);
            Volatile.Write(ref _current, generation);
        }
        if (generation.Answers.TryGetValue(key, out var cached))
            return cached;
        var answer = build();
        // Built while a write landed: it may mix old and new, so it is returned but not kept.
        if (store.Version == version && generation.Answers.Count < MaxEntries)
            generation.Answers.TryAdd(key, answer);
        return answer;
    }

    private sealed record Generation(long Version)
    {
        public ConcurrentDictionary<string, Answer> Answers { get; } = new(StringComparer.Ordinal);
    }
}
