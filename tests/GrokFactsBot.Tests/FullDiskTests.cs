using System.Net;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>
/// A real full disk: the bot runs in a mount namespace of its own (<c>unshare</c>, no privileges needed) with its
/// database on a 4 MB tmpfs, which the test fills and frees from outside through /proc/&lt;pid&gt;/root. Before, every
/// command, reads included, failed with LiteDB's IOException until a restart.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private const string AddFact =
        "fact add grok-1 license MIT https://example.com/grok-1-mit \"MIT, says this page\"";

    private readonly TempFolder _temp = new();

    [Fact]
    public async Task On_a_full_disk_answers_keep_coming_saving_says_disk_full_and_it_recovers_once_space_is_freed()
    {
        var disk = Directory.CreateDirectory(_temp.Combine("disk")).FullName;
        await using var bot = BotProcess.Start(
            [],
            new Dictionary<string, string>
            {
                ["Knowledge__Directory"] = TestPaths.TestKnowledge,
                ["Storage__DatabasePath"] = Path.Combine(disk, "grokfacts.db"),
            },
            command: "unshare",
            commandArgs:
            [
                "--map-root-user",
                "--mount",
                "sh",
                "-c",
                "mount -t tmpfs -o size=4m tmpfs \"$0\" && exec \"$@\"",
                disk,
                .. TestPaths.AppCommand,
            ]
        );
        using var http = new HttpClient { BaseAddress = new Uri(await bot.Listening) };
        var ballast = $"/proc/{bot.Id}/root{disk}/ballast";

        Fill(ballast);
        await bot.SendLineAsync(AddFact);
        await bot.WaitForOutputAsync("could not save: disk full");
        await bot.SendLineAsync("params grok-1");
        await bot.WaitForOutputAsync("Grok-1: 314B total");
        var degraded = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        var report = await degraded.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Degraded\"", report);
        Assert.Contains("could not save: disk full since", report);

        File.Delete(ballast);
        await bot.SendLineAsync(AddFact);
        await bot.WaitForOutputAsync("Added claim");
        var recovered = await (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Healthy\"", recovered);

        await bot.TerminateAsync();
        Assert.Equal(0, bot.ExitCode);
        Assert.DoesNotContain("   at ", bot.Error);
    }

    /// <summary>Writes until the file system refuses another 4 KB page.</summary>
    private static void Fill(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        var page = new byte[4096];
        try
        {
            while (true)
                file.Write(page);
        }
        catch (IOException) { }
    }

    public void Dispose() => _temp.Dispose();
}
