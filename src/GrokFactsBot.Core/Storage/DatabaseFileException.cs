using GrokFactsBot.Core.Hosting;

namespace GrokFactsBot.Core.Storage;

/// <summary>The database file cannot be used as it is: the message names the file and what to do.</summary>
public sealed class DatabaseFileException(string message, Exception? inner = null)
    : StartupProblemException(message, inner)
{
    public static DatabaseFileException CannotOpen(string path, Exception e) =>
        new(
            $"Storage:DatabasePath {path} cannot be opened ({OneLine(e.Message)}): "
                + "point Storage:DatabasePath at a file in a folder this user may write to.",
            e
        );

    public static DatabaseFileException Damaged(string path, string problem, Exception? e = null) =>
        new(
            $"The database file {path} cannot be used: {OneLine(problem)}. Nothing was changed: restore a backup "
                + "(deploy/README.md, \"Backups\") or point Storage:DatabasePath at another file.",
            e
        );

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.');
}
