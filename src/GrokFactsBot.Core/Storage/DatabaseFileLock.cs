using GrokFactsBot.Core.Hosting;
using LiteDB;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// One running bot per database file. LiteDB's Direct mode does not stop a second process from opening the same file
/// on Linux (and two writers corrupt it), so the bot holds an exclusive lock on "&lt;file&gt;.lock" while it runs.
/// The operating system drops the lock when the process dies, so a crash never leaves a stale lock behind.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream _lockFile;

    private DatabaseFileLock(FileStream lockFile) => _lockFile = lockFile;

    public static DatabaseFileLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            return new DatabaseFileLock(
                new FileStream(
                    lockPath,
                    FileMode.OpenOrCreate,
                    FileAccess.ReadWrite,
                    FileShare.None,
                    1,
                    FileOptions.None
                )
            );
        }
        catch (IOException e) when (File.Exists(lockPath))
        {
            throw new DatabaseInUseException(databasePath, e);
        }
    }

    public void Dispose() => _lockFile.Dispose();
}

public sealed class DatabaseInUseException(string databasePath, Exception inner)
    : StartupProblemException(
        $"The database file {databasePath} is in use by another running GrokFactsBot (one running bot per database file). "
            + "Stop the other one, or point Storage:DatabasePath at a different file.",
        inner
    )
{
    public string DatabasePath { get; } = databasePath;
}

