using System.Buffers.Binary;
using System.Text;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Reads an existing database file and its log, without writing, before LiteDB may open them for writing: LiteDB
/// "repairs" what it does not understand by overwriting it (a file that is not a database becomes a new one; a log page
/// of garbage is copied to wherever its page number points, once growing a file to terabytes). Anything that is not
/// exactly a LiteDB 5 data file and log is refused with a message naming the file, and both stay as they were.
/// </summary>
public static class DatabaseFileCheck
{
    public const int PageSize = 8192;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const byte FileVersion = 8;
    private const int HeaderInfoAt = 32,
        FileVersionAt = 59,
        LastPageIdAt = 64,
        InvalidStateAt = 191,
        PageTypeAt = 4,
        TransactionIdAt = 14,
        IsConfirmedAt = 18;
    private const byte HeaderPageType = 1,
        HighestPageType = 4;

    /// <summary>LiteDB's log beside "name.db": "name-log.db".</summary>
    public static string LogPath(string databasePath) =>
        Path.Combine(
            Path.GetDirectoryName(databasePath)!,
            Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath)
        );

    /// <summary>Null when the files may be opened (or do not exist yet); otherwise what is wrong, in a few words.</summary>
    public static string? Problem(string databasePath)
    {
        var logPath = LogPath(databasePath);
        var hasLog = File.Exists(logPath) && new FileInfo(logPath).Length > 0;
        if (!File.Exists(databasePath))
            return hasLog ? $"its log {logPath} is there but the database file is missing" : null;
        using var data = OpenForReading(databasePath);
        if (data.Length == 0)
            return "it is empty (0 bytes), not a database";
        var header = data.Length < PageSize ? null : ReadPage(data, 0);
        if (header is null || !IsHeader(header))
            return "it is not a LiteDB database file (it does not start with a LiteDB header page)";
        if (header[FileVersionAt] != FileVersion)
            return $"it is LiteDB file format {header[FileVersionAt]}, not {FileVersion} (LiteDB 5)";
        if (data.Length % PageSize != 0)
            return $"it is damaged: {data.Length} bytes is not a whole number of {PageSize}-byte pages";
        if (header[InvalidStateAt] != 0)
            return "LiteDB marked it as damaged";
        var lastPageId = LastPageId(header);
        if ((lastPageId + 1L) * PageSize > data.Length)
            return $"it is truncated: {data.Length / PageSize} of its {lastPageId + 1L} pages are there";
        if (DataPagesProblem(data) is { } dataProblem)
            return dataProblem;
        return hasLog ? LogProblem(logPath, lastPageId) : null;
    }

    /// <summary>Every page of the data file carries its own number: a page overwritten by something else does not.</summary>
    private static string? DataPagesProblem(FileStream data)
    {
        var pageHeader = new byte[PageTypeAt + 1];
        for (long page = 1; page < data.Length / PageSize; page++)
        {
            data.Position = page * PageSize;
            data.ReadExactly(pageHeader);
            if (BinaryPrimitives.ReadUInt32LittleEndian(pageHeader) != page || pageHeader[PageTypeAt] > HighestPageType)
                return $"it is damaged: page {page} holds something else";
        }
        return null;
    }

    /// <summary>
    /// The log holds whole pages of committed or pending transactions, each a known page type, page 0 always the header.
    /// LiteDB copies a committed transaction's pages into the data file at their page numbers, so those must lie
    /// within the file as the log's own header pages describe it; a pending transaction is ignored.
    /// </summary>
    private static string? LogProblem(string logPath, uint dataLastPageId)
    {
        using var log = OpenForReading(logPath);
        if (log.Length % PageSize != 0)
            return $"its log {logPath} is damaged: {log.Length} bytes is not a whole number of {PageSize}-byte pages";
        var pages = new List<(uint Id, uint Transaction, bool Confirmed, uint? LastPageId)>();
        for (long at = 0; at < log.Length; at += PageSize)
        {
            var page = ReadPage(log, at);
            var id = BinaryPrimitives.ReadUInt32LittleEndian(page);
            var type = page[PageTypeAt];
            var isHeader = IsHeader(page);
            if (type > HighestPageType || (id == 0) != (type == HeaderPageType) || (type == HeaderPageType) != isHeader)
                return $"its log {logPath} is damaged: page {at / PageSize} is not a LiteDB page";
            var transaction = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(TransactionIdAt));
            pages.Add((id, transaction, page[IsConfirmedAt] != 0, isHeader ? LastPageId(page) : null));
        }
        var committed = pages.Where(p => p.Confirmed).Select(p => p.Transaction).ToHashSet();
        var highest = pages
            .Where(p => committed.Contains(p.Transaction) && p.LastPageId is not null)
            .Select(p => p.LastPageId!.Value)
            .Append(dataLastPageId)
            .Max();
        return pages.Any(p => committed.Contains(p.Transaction) && p.Id > highest)
            ? $"its log {logPath} is damaged: it names pages beyond the end of the database"
            : null;
    }

    private static bool IsHeader(byte[] page) =>
        Encoding.ASCII.GetString(page, HeaderInfoAt, HeaderInfo.Length) == HeaderInfo;

    private static uint LastPageId(byte[] header) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdAt));

    private static byte[] ReadPage(FileStream file, long position)
    {
        var page = new byte[PageSize];
        file.Position = position;
        file.ReadExactly(page);
        return page;
    }

    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
}
