namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Why writes are failing, since when, when the next write tries the disk again (sooner once space is freed), and the
/// free space when the last write failed.
/// </summary>
public sealed record StorageFault(string Reason, DateTimeOffset Since, DateTimeOffset RetryAt, long? FreeBytes)
{
    private const int NoSpace = 28,
        QuotaExceeded = 122,
        WindowsDiskFull = 112,
        WindowsHandleDiskFull = 39;

    /// <summary>"disk full" for the errors that mean it, else the system's own words.</summary>
    public static string Describe(Exception e) =>
        e is IOException io
            ? (io.HResult & 0xFFFF) switch
            {
                NoSpace or WindowsDiskFull or WindowsHandleDiskFull => "disk full",
                QuotaExceeded => "disk quota exceeded",
                _ => OneLine(io.Message),
            }
            : OneLine(e.Message);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.');

    /// <summary>Free bytes on the file system holding <paramref name="folder"/>, or null when the system won't say.</summary>
    public static long? FreeBytesAt(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>
/// A write the disk would not take. Not a bug: commands answer "could not save: …" and nothing was changed; reads
/// carry on.
/// </summary>
public sealed class StorageUnavailableException(string reason, Exception? inner = null)
    : Exception("could not save: " + reason, inner)
{
    public string Reason { get; } = reason;
}
