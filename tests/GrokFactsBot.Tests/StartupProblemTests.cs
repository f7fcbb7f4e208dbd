using System.Runtime.Versioning;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>
/// Every misconfiguration stops start-up with one line that names the setting or file and the fix, and exit code 1;
/// with Slack on, these once aborted with a stack trace because its services were built outside the error handling.
/// </summary>
public sealed class StartupProblemTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private Dictionary<string, string> SlackOn() =>
        new()
        {
            ["Knowledge__Directory"] = TestPaths.TestKnowledge,
            ["Storage__DatabasePath"] = _temp.Combine("grokfacts.db"),
            ["Slack__BotToken"] = "xoxb-test",
            ["Slack__SigningSecret"] = "test-signing-secret",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:1/",
        };

    [Fact]
    public async Task A_database_path_that_cannot_be_a_file_is_one_line_naming_Storage_DatabasePath()
    {
        var settings = SlackOn();
        settings["Storage__DatabasePath"] = Path.Combine(_temp.Write("not-a-folder", "x"), "grokfacts.db");

        await using var bot = await BotProcess.RunAsync([], settings);

        AssertOneLine(bot, $"Storage:DatabasePath {settings["Storage__DatabasePath"]} cannot be opened");
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_is_one_line_naming_the_file()
    {
        await using var first = BotProcess.Start([], SlackOn());
        await first.Listening;

        await using var second = await BotProcess.RunAsync([], SlackOn());

        AssertOneLine(second, $"The database file {_temp.Combine("grokfacts.db")} is in use");
    }

    [Fact]
    public async Task A_Slack_bot_token_without_its_signing_secret_is_one_line_naming_Slack_SigningSecret()
    {
        var settings = SlackOn();
        settings.Remove("Slack__SigningSecret");

        await using var bot = await BotProcess.RunAsync([], settings);

        AssertOneLine(bot, "Configuration problem: Slack:SigningSecret is required in Http mode");
    }

    [Fact]
    public async Task A_Slack_user_token_instead_of_the_bot_token_is_one_line_naming_Slack_BotToken()
    {
        var settings = SlackOn();
        settings["Slack__BotToken"] = "xoxp-user-token";

        await using var bot = await BotProcess.RunAsync([], settings);

        AssertOneLine(bot, "Configuration problem: Slack:BotToken must be the bot token starting with xoxb-");
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task A_database_folder_the_bot_may_not_write_to_is_one_line_naming_the_file()
    {
        var folder = Directory.CreateDirectory(_temp.Combine("read-only"));
        const UnixFileMode readAndEnter = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(_temp.Path, readAndEnter | UnixFileMode.UserWrite);
        File.SetUnixFileMode(folder.FullName, readAndEnter);
        var settings = SlackOn();
        settings["Storage__DatabasePath"] = Path.Combine(folder.FullName, "grokfacts.db");

        // Root may write anywhere: then the bot runs as nobody, as a service user without rights would.
        await using var bot = Environment.IsPrivilegedProcess
            ? await BotProcess.RunAsync(
                [],
                settings,
                command: "setpriv",
                commandArgs: ["--reuid=65534", "--regid=65534", "--clear-groups", .. TestPaths.AppCommand]
            )
            : await BotProcess.RunAsync([], settings);

        AssertOneLine(bot, $"Storage:DatabasePath {settings["Storage__DatabasePath"]} cannot be opened");
        Assert.Contains("point Storage:DatabasePath at a file in a folder this user may write to", bot.Error);
    }

    private static void AssertOneLine(BotProcess bot, string expected)
    {
        Assert.Equal(1, bot.ExitCode);
        var line = Assert.Single(
            bot.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );
        Assert.Contains(expected, line);
    }

    public void Dispose() => _temp.Dispose();
}
