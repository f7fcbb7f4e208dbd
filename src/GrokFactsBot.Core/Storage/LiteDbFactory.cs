using LiteDB;
using LiteDB.Engine;

namespace GrokFactsBot.Core.Storage;

public static class LiteDbFactory
{
    /// <summary>
    /// Opens (creating if needed) the database file, held by this process alone until disposed. Throws
    /// <see cref="DatabaseInUseException"/> when another bot already has it open, and
    /// <see cref="DatabaseFileException"/> when the file or its folder cannot be used; a damaged file is refused before
    /// anything could write to it.
    /// </summary>
    public static FileDatabase OpenFile(string path, TimeProvider? clock = null) => Open(Check(path), clock);

    /// <summary>
    /// The first half of <see cref="OpenFile"/>, which may run ahead on another thread: locks the file, checks it and
    /// reads it all once, read-only.
    /// </summary>
    public static CheckedDatabaseFile Check(string path)
    {
        var full = Path.GetFullPath(path);
        DatabaseFileLock? fileLock = null;
        return ReleasingOnFailure(
            full,
            () => fileLock,
            () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                fileLock = DatabaseFileLock.Acquire(full);
                if (DatabaseFileCheck.Problem(full) is { } problem)
                    throw DatabaseFileException.Damaged(full, problem);
                return new CheckedDatabaseFile(full, fileLock, ReadWhole(full));
            }
        );
    }

    /// <summary>The second half of <see cref="OpenFile"/>: LiteDB over the checked file, for reading and writing.</summary>
    public static FileDatabase Open(CheckedDatabaseFile file, TimeProvider? clock = null) =>
        ReleasingOnFailure(
            file.FullPath,
            () => file,
            () =>
            {
                var gate = new WriteGate();
                var folder = Path.GetDirectoryName(file.FullPath)!;
                var engine = new ResilientEngine(
                    () => OpenEngine(file.FullPath, gate),
                    () => StorageFault.FreeBytesAt(folder),
                    clock ?? TimeProvider.System
                );
                return new FileDatabase(file.FullPath, engine, gate, file.Lock, file.FirstSnapshot) { UtcDate = true };
            }
        );

    /// <summary>
    /// Runs one half of opening: if it fails, what it holds (<paramref name="held"/>, the file's lock) is let go, and
    /// an I/O failure is reported as this file's.
    /// </summary>
    private static T ReleasingOnFailure<T>(string fullPath, Func<IDisposable?> held, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held()?.Dispose();
            throw DatabaseFileException.CannotOpen(fullPath, e);
        }
        catch
        {
            held()?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// LiteDB on files we open ourselves (see <see cref="GuardedFileStream"/>) rather than its own: LiteDB still wraps
    /// them so that concurrent readers take turns.
    /// </summary>
    private static OpenedEngine OpenEngine(string path, WriteGate gate)
    {
        var data = new GuardedFileStream(path, gate);
        var log = new GuardedFileStream(DatabaseFileCheck.LogPath(path), gate);
        try
        {
            var settings = new EngineSettings
            {
                DataStream = data,
                LogStream = log,
                TempStream = new MemoryStream(),
            };
            return new OpenedEngine(new LiteEngine(settings), data, log);
        }
        catch
        {
            data.Dispose();
            log.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing file read-only and reads all of it once, building the first knowledge snapshot on the way:
    /// what LiteDB cannot read is found while nothing can write, and start-up reads the base once, not twice. The
    /// read-only instance and its page cache are gone when this returns; the bot's own instance caches only what it
    /// later touches. Null for a new file.
    /// </summary>
    private static KnowledgeSnapshot? ReadWhole(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            using var database = new LiteDatabase(
                new ConnectionString
                {
                    Filename = path,
                    Connection = ConnectionType.Direct,
                    ReadOnly = true,
                }
            );
            var snapshot = new SnapshotBuilder(database).Full(version: 0);
            foreach (var name in database.GetCollectionNames().Except(KnowledgeCollections.All))
                database.GetCollection(name).Count();
            return snapshot;
        }
        catch (LiteException e)
        {
            throw DatabaseFileException.Damaged(path, $"LiteDB cannot read it ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>An in-memory database, for tests and for <c>import --check</c>.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), new BsonMapper()) { UtcDate = true };
}
