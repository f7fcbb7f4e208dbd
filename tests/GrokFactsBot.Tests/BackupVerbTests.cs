using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary><c>backup &lt;path&gt;</c> as an operator runs it.</summary>
public sealed class BackupVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private Dictionary<string, string> Settings(string? database = null) =>
        new()
        {
            ["Knowledge__Directory"] = TestPaths.TestKnowledge,
            ["Storage__DatabasePath"] = database ?? _temp.Combine("grokfacts.db"),
        };

    [Fact]
    public async Task Backup_writes_one_file_that_the_bot_answers_from()
    {
        await using (var import = await BotProcess.RunAsync(["import"], Settings()))
            Assert.Equal(0, import.ExitCode);
        var copy = _temp.Combine("backups", "grokfacts-copy.db");

        await using var backup = await BotProcess.RunAsync(["backup", copy], Settings());

        Assert.Equal(0, backup.ExitCode);
        Assert.Contains($"Backed up {_temp.Combine("grokfacts.db")} to {copy}", backup.Output);
        Assert.Equal([copy], Directory.GetFiles(Path.GetDirectoryName(copy)!));
        await using var ask = await BotProcess.RunAsync(["ask", "params grok-1"], Settings(copy));
        Assert.Contains("Grok-1: 314B total", ask.Output);
    }

    [Fact]
    public async Task Backup_while_the_bot_runs_says_in_one_line_to_let_the_running_bot_do_it()
    {
        await using var service = BotProcess.Start([], Settings());
        await service.Listening;

        await using var backup = await BotProcess.RunAsync(["backup", _temp.Combine("copy.db")], Settings());

        Assert.Equal(1, backup.ExitCode);
        var line = Assert.Single(backup.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is in use by a running GrokFactsBot", line);
        Assert.Contains("set Storage:BackupDirectory", line);
        Assert.False(File.Exists(_temp.Combine("copy.db")));
    }

    public void Dispose() => _temp.Dispose();
}
