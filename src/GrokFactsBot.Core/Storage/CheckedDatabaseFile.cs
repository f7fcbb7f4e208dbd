namespace GrokFactsBot.Core.Storage;

/// <summary>
/// A database file locked for this process, checked and read once (<see cref="LiteDbFactory.Check"/>), not yet open
/// for writing. Disposing it gives the lock back; <see cref="LiteDbFactory.Open"/> hands the lock to the database.
/// </summary>
public sealed class CheckedDatabaseFile : IDisposable
{
    internal CheckedDatabaseFile(string fullPath, DatabaseFileLock fileLock, KnowledgeSnapshot? firstSnapshot)
    {
        FullPath = fullPath;
        Lock = fileLock;
        FirstSnapshot = firstSnapshot;
    }

    public string FullPath { get; }

    internal DatabaseFileLock Lock { get; }

    /// <summary>What the file held, as a snapshot; null for a new file.</summary>
    internal KnowledgeSnapshot? FirstSnapshot { get; }

    public void Dispose() => Lock.Dispose();
}
