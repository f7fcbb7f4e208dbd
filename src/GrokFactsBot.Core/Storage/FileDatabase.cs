using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// The bot's database file: LiteDB over a <see cref="ResilientEngine"/>, holding the single-instance lock until it is
/// disposed. <see cref="Gate"/> lets a backup copy the files as one moment's state.
/// </summary>
public sealed class FileDatabase : LiteDatabase
{
    private readonly DatabaseFileLock _fileLock;
    private KnowledgeSnapshot? _firstSnapshot;

    internal FileDatabase(
        string path,
        ResilientEngine storage,
        WriteGate gate,
        DatabaseFileLock fileLock,
        KnowledgeSnapshot? firstSnapshot
    )
        : base(storage, new BsonMapper())
    {
        Path = path;
        Storage = storage;
        Gate = gate;
        _fileLock = fileLock;
        _firstSnapshot = firstSnapshot;
    }

    /// <summary>
    /// The snapshot read while the file was checked, handed once to the store that answers from it (null for a new
    /// file, or once taken).
    /// </summary>
    internal KnowledgeSnapshot? TakeFirstSnapshot() => Interlocked.Exchange(ref _firstSnapshot, null);

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
