using LiteDB;

namespace GrokFactsBot.Core.Storage;

public static class LiteDbFactory
{
    /// <summary>Opens (creating if needed) the database file; Direct mode holds it exclusively.</summary>
    public static LiteDatabase OpenFile(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, new BsonMapper()) { UtcDate = true };
    }

    /// <summary>An in-memory database, for tests and for <c>import --check</c>.</summary>
    public static LiteDatabase InMemory() => new(new MemoryStream(), new BsonMapper()) { UtcDate = true };
}
