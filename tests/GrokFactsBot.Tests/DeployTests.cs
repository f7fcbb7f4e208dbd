using System.Diagnostics;
using System.Net;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>What in deploy/ can be checked without systemd or Docker running.</summary>
public sealed class DeployTests : IDisposable
{
    private const string InstallDirectory = "/opt/grokfactsbot";
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task The_app_starts_from_the_systemd_units_command_line_with_the_example_environment_and_answers_health()
    {
        var unit = SystemdUnit.Read(Path.Combine(TestPaths.Deploy, "grokfactsbot.service"));
        var command = unit
            .ExecStart.Replace(InstallDirectory, TestPaths.AppDirectory, StringComparison.Ordinal)
            .Split(' ');
        var environment = SystemdUnit.ReadEnvironmentFile(Path.Combine(TestPaths.Deploy, "grokfactsbot.env.example"));
        foreach (var (key, value) in unit.Environment)
            environment[key] = value;
        // Only what a test machine cannot offer differs: a port of its own, a temporary state directory, small
        // knowledge.
        environment["Urls"] = "http://127.0.0.1:0";
        environment["Storage__DatabasePath"] = _temp.Combine("grokfacts.db");
        environment["Knowledge__Directory"] = TestPaths.TestKnowledge;

        await using var bot = BotProcess.Start([], environment, command[0], command[1..]);
        var address = await bot.Listening;

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        // The container's HEALTHCHECK command, against the running bot.
        await using var probe = await BotProcess.RunAsync(
            ["health", "--ready"],
            new Dictionary<string, string> { ["Urls"] = address }
        );
        Assert.Equal(0, probe.ExitCode);
        Assert.Contains("/readyz: 200", probe.Output);
    }

    [Fact]
    public async Task The_health_command_fails_when_nothing_answers()
    {
        await using var probe = await BotProcess.RunAsync(
            ["health"],
            new Dictionary<string, string> { ["Urls"] = "http://127.0.0.1:1" }
        );

        Assert.Equal(1, probe.ExitCode);
        Assert.Contains("http://127.0.0.1:1/healthz: no answer", probe.Error);
    }

    [Fact]
    public async Task The_systemd_unit_is_hardened_and_systemd_finds_nothing_to_complain_about()
    {
        var unitPath = Path.Combine(TestPaths.Deploy, "grokfactsbot.service");
        var unit = await File.ReadAllTextAsync(unitPath);
        foreach (
            var directive in new[]
            {
                "Type=notify",
                "DynamicUser=yes",
                "StateDirectory=grokfactsbot",
                "ProtectSystem=strict",
                "NoNewPrivileges=yes",
                "Restart=on-failure",
            }
        )
            Assert.Contains(directive + "\n", unit);

        const string analyze = "/usr/bin/systemd-analyze";
        if (!File.Exists(analyze))
            return; // the directive checks above still ran
        using var verify = Process.Start(
            new ProcessStartInfo(analyze, ["verify", unitPath])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            }
        )!;
        var complaints = await verify.StandardError.ReadToEndAsync() + await verify.StandardOutput.ReadToEndAsync();
        await verify.WaitForExitAsync();
        Assert.Equal("", complaints.Trim());
    }

    public void Dispose() => _temp.Dispose();
}
