using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// A consistent copy of the open database as one file. Both files are copied while every write is held at the gate,
/// which is exactly what the disk would hold had the bot stopped at that instant (LiteDB recovers from that by design);
/// the copy is then opened once, which folds its log in and proves it reads, and moved into place.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes the copy to <paramref name="target"/> (replacing a file there) and returns its size in bytes.</summary>
    public static long Write(FileDatabase database, string target)
    {
        target = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var work = Directory.CreateDirectory(Path.Combine(folder, $".{Path.GetFileName(target)}.partial"));
        try
        {
            var copy = Path.Combine(work.FullName, "copy.db");
            database.Gate.WhileStill(() =>
            {
                CopyFile(database.Path, copy);
                CopyFile(DatabaseFileCheck.LogPath(database.Path), DatabaseFileCheck.LogPath(copy));
                return 0;
            });
            using (var opened = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct }))
                opened.GetCollectionNames().ToList().ForEach(name => opened.GetCollection(name).Count());
            File.Move(copy, target, overwrite: true);
            return new FileInfo(target).Length;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void CopyFile(string source, string destination)
    {
        if (!File.Exists(source))
            return;
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var to = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        from.CopyTo(to);
    }
}
