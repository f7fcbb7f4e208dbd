using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.LocalChat;

/// <summary>
/// The console shows a chart by writing it beside the database (charts/, a folder the bot may write to also in
/// the read-only container) and printing where it is.
/// </summary>
public sealed class ChartFiles(IOptions<StorageOptions> storage)
{
    public string Folder =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath)) ?? ".", "charts");

    /// <summary>The line to print under the answer: where its chart is, or why it could not be written.</summary>
    public string? Save(Answer answer)
    {
        if (answer.Image is not { } image)
            return null;
        var path = Path.Combine(Folder, image.FileName);
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(path, image.Png);
            return $"  Chart: {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"  The chart could not be written to {path}: {e.Message}";
        }
    }
}
