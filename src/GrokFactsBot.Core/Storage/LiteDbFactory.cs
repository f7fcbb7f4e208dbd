using LiteDB;

namespace GrokFactsBot.Core.Storage;

public static class LiteDbFactory
{
    /// <summary>
    /// Opens (creating if needed) the database file, held by this process alone until disposed. Throws
    /// <see cref="DatabaseInUseException"/> when another bot already has it open, and
    /// <see cref="DatabaseFileException"/> when the file or its folder cannot be used; a damaged file is refused before
    /// anything could write to it.
    /// </summary>
    public static LiteDatabase OpenFile(string path)
    {
        var full = Path.GetFullPath(path);
        DatabaseFileLock? fileLock = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            fileLock = DatabaseFileLock.Acquire(full);
            if (DatabaseFileCheck.Problem(full) is { } problem)
                throw DatabaseFileException.Damaged(full, problem);
            TryReading(full);
            return new LockedLiteDatabase(Connection(full, readOnly: false), new BsonMapper(), fileLock)
            {
                UtcDate = true,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            fileLock?.Dispose();
            throw DatabaseFileException.CannotOpen(full, e);
        }
        catch
        {
            fileLock?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing file read-only and reads every collection's index once: what LiteDB cannot read is found
    /// while nothing can write.
    /// </summary>
    private static void TryReading(string path)
    {
        if (!File.Exists(path))
            return;
        try
        {
            using var database = new LiteDatabase(Connection(path, readOnly: true));
            foreach (var name in database.GetCollectionNames())
                database.GetCollection(name).Count();
        }
        catch (LiteException e)
        {
            throw DatabaseFileException.Damaged(path, $"LiteDB cannot read it ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static ConnectionString Connection(string path, bool readOnly) =>
        new()
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            ReadOnly = readOnly,
        };

    /// <summary>An in-memory database, for tests and for <c>import --check</c>.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), new BsonMapper()) { UtcDate = true };
}
