using System.Security.Cryptography;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Tests.Support;
using LiteDB;

namespace GrokFactsBot.Tests;

/// <summary>
/// A damaged database file is refused at start with one line naming it, and neither it nor its log is changed:
/// LiteDB on its own crashed after writing to a truncated file, replaced a file that was not a database, and copied a
/// garbage log page to wherever its page number pointed.
/// </summary>
public sealed class DatabaseFileSafetyTests : IDisposable
{
    private const int Page = DatabaseFileCheck.PageSize;
    private readonly TempFolder _temp = new();

    private string DatabasePath => _temp.Combine("grokfacts.db");
    private string LogPath => DatabaseFileCheck.LogPath(DatabasePath);

    private Dictionary<string, string> Settings() =>
        new() { ["Knowledge__Directory"] = TestPaths.TestKnowledge, ["Storage__DatabasePath"] = DatabasePath };

    [Fact]
    public async Task A_truncated_file_is_refused_and_left_as_it_was()
    {
        WriteCheckpointedDatabase();
        using (var file = File.OpenWrite(DatabasePath))
            file.SetLength(file.Length / Page / 2 * Page);

        await AssertRefusedUnchangedAsync("is truncated");
    }

    [Fact]
    public async Task A_file_whose_first_page_was_overwritten_is_refused_and_left_as_it_was()
    {
        WriteCheckpointedDatabase();
        Overwrite(DatabasePath, at: 0, Garbage(Page));

        await AssertRefusedUnchangedAsync("is not a LiteDB database file");
    }

    [Fact]
    public async Task A_file_with_a_page_overwritten_in_the_middle_is_refused_and_left_as_it_was()
    {
        WriteCheckpointedDatabase();
        Overwrite(DatabasePath, at: 3 * Page, Garbage(Page));

        await AssertRefusedUnchangedAsync("page 3 holds something else");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_not_replaced()
    {
        await File.WriteAllTextAsync(DatabasePath, "these are my notes, not a database\n");

        await AssertRefusedUnchangedAsync("is not a LiteDB database file");
        Assert.False(File.Exists(LogPath));
    }

    [Fact]
    public async Task Garbage_appended_to_the_log_is_refused_and_both_files_left_as_they_were()
    {
        await ImportIntoDatabaseAsync();
        Assert.True(new FileInfo(LogPath).Length > 0, "the import leaves its work in the log until a checkpoint");
        using (var log = new FileStream(LogPath, FileMode.Append))
            log.Write(Garbage(Page));

        await AssertRefusedUnchangedAsync("its log");
    }

    [Fact]
    public async Task A_committed_log_page_numbered_far_beyond_the_file_is_refused_and_both_files_left_as_they_were()
    {
        await ImportIntoDatabaseAsync();
        var page = new byte[Page];
        BitConverter.TryWriteBytes(page.AsSpan(0), 0x7FFF_FFFFu); // page id: LiteDB would write it at 16 TB
        page[4] = 4; // a data page
        BitConverter.TryWriteBytes(page.AsSpan(14), 0x00C0_FFEEu); // its own transaction...
        page[18] = 1; // ...marked committed
        using (var log = new FileStream(LogPath, FileMode.Append))
            log.Write(page);

        await AssertRefusedUnchangedAsync("names pages beyond the end of the database");
    }

    [Fact]
    public async Task A_healthy_file_with_work_left_in_its_log_opens_and_answers()
    {
        await ImportIntoDatabaseAsync();

        await using var bot = await BotProcess.RunAsync(["ask", "params grok-1"], Settings());

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Grok-1: 314B total", bot.Output);
    }

    private async Task AssertRefusedUnchangedAsync(string problem)
    {
        var before = Snapshot();

        await using var bot = await BotProcess.RunAsync(["ask", "params grok-1"], Settings());

        Assert.Equal(1, bot.ExitCode);
        var line = Assert.Single(bot.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"The database file {DatabasePath} cannot be used: ", line);
        Assert.Contains(problem, line);
        Assert.Contains("Nothing was changed: restore a backup", line);
        Assert.Equal(before, Snapshot());
    }

    /// <summary>The database and its log, byte for byte (as hashes; "absent" when a file is not there).</summary>
    private (string Data, string Log) Snapshot() => (Hash(DatabasePath), Hash(LogPath));

    private static string Hash(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "absent";

    /// <summary>A database of a dozen pages, all in the data file (closing it copies the log in).</summary>
    private void WriteCheckpointedDatabase()
    {
        using var database = LiteDbFactory.OpenFile(DatabasePath);
        var notes = database.GetCollection("notes");
        for (var i = 0; i < 40; i++)
            notes.Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('x', 2000) });
    }

    /// <summary>The bot's own import, run as a process that exits without a checkpoint: the data is in the log.</summary>
    private async Task ImportIntoDatabaseAsync()
    {
        await using var import = await BotProcess.RunAsync(["import"], Settings());
        Assert.Equal(0, import.ExitCode);
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(11).NextBytes(bytes);
        return bytes;
    }

    private static void Overwrite(string path, long at, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = at;
        file.Write(bytes);
    }

    public void Dispose() => _temp.Dispose();
}
