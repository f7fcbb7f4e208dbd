using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// The bot's database file: LiteDB over a <see cref="ResilientEngine"/>, holding the single-instance lock until it is
/// disposed. <see cref="Gate"/> lets a backup copy the files as one moment's state.
/// </summary>
public sealed class FileDatabase : LiteDatabase
{
    private readonly DatabaseFileLock _fileLock;

    internal FileDatabase(string path, ResilientEngine storage, WriteGate gate, DatabaseFileLock fileLock)
        : base(storage, new BsonMapper())
    {
        Path = path;
        Storage = storage;
        Gate = gate;
        _fileLock = fileLock;
    }

    public string Path { get; }

    public ResilientEngine Storage { get; }

    public WriteGate Gate { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _fileLock.Dispose();
            DeleteLogIfEmpty();
        }
    }

    /// <summary>LiteDB removes an emptied log itself only when it opened the files itself.</summary>
    private void DeleteLogIfEmpty()
    {
        var log = DatabaseFileCheck.LogPath(Path);
        try
        {
            if (File.Exists(log) && new FileInfo(log).Length == 0)
                File.Delete(log);
        }
        catch (IOException) { }
    }
}
