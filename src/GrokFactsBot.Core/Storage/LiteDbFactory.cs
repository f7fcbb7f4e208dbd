using LiteDB;

namespace GrokFactsBot.Core.Storage;

public static class LiteDbFactory
{
    /// <summary>
    /// Opens (creating if needed) the database file, held by this process alone until disposed; throws
    /// <see cref="DatabaseInUseException"/> when another bot already has it open, and
    /// <see cref="DatabaseFileException"/> when the file or its folder cannot be used.
    /// </summary>
    public static LiteDatabase OpenFile(string path)
    {
        var full = Path.GetFullPath(path);
        DatabaseFileLock? fileLock = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            fileLock = DatabaseFileLock.Acquire(full);
            return new LockedLiteDatabase(
                new ConnectionString { Filename = full, Connection = ConnectionType.Direct },
                new BsonMapper(),
                fileLock
            )
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

    /// <summary>An in-memory database, for tests and for <c>import --check</c>.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), new BsonMapper()) { UtcDate = true };
}
