using LiteDB;

namespace GrokFactsBot.Core.Storage;

public static class LiteDbFactory
{
    /// <summary>
    /// Opens (creating if needed) the database file, held by this process alone until disposed; throws
    /// <see cref="DatabaseInUseException"/> when another bot already has it open.
    /// </summary>
    public static LiteDatabase OpenFile(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var fileLock = DatabaseFileLock.Acquire(full);
        try
        {
            return new LockedLiteDatabase(
                new ConnectionString { Filename = full, Connection = ConnectionType.Direct },
                new BsonMapper(),
                fileLock
            )
            {
                UtcDate = true,
            };
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>An in-memory database, for tests and for <c>import --check</c>.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), new BsonMapper()) { UtcDate = true };
}
