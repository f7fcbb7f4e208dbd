using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using GrokFactsBot.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace GrokFactsBot.Tests;

/// <summary>What in deploy/ can be checked without systemd or Docker running.</summary>
public sealed partial class DeployTests : IDisposable
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
    }

    [Fact]
    public async Task The_images_HEALTHCHECK_command_passes_against_a_running_bot_on_the_same_database_file()
    {
        var database = _temp.Combine("grokfacts.db");
        await using var bot = BotProcess.Start(
            [],
            new Dictionary<string, string>
            {
                ["Storage__DatabasePath"] = database,
                ["Knowledge__Directory"] = TestPaths.TestKnowledge,
            }
        );
        var address = await bot.Listening;

        // The probe runs in the container beside the bot, so it sees the image's ENV: the same database path.
        var command = Dockerfile.HealthCheck.Select(a => a.Replace("/app/", TestPaths.AppDirectory + "/")).ToList();
        await using var probe = await BotProcess.RunAsync(
            [],
            new Dictionary<string, string> { ["Urls"] = address, ["Storage__DatabasePath"] = database },
            command: command[0],
            commandArgs: command[1..]
        );

        Assert.Equal(0, probe.ExitCode);
        Assert.Contains("/readyz: 200", probe.Output);
    }

    [Fact]
    public void The_Dockerfile_restores_from_the_project_files_alone_before_copying_the_sources()
    {
        var instructions = Dockerfile.Instructions;
        var restore = instructions.FindIndex(i => i.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var copyAll = instructions.IndexOf("COPY . .");
        Assert.InRange(restore, 0, copyAll - 1);
        var copiedFirst = instructions[..restore]
            .Where(i => i.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(i => i.Split(' ')[1..^1])
            .ToHashSet();
        var projects = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "GrokFactsBot.sln"))
            .Select(l => ProjectLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Replace('\\', '/'));
        Assert.All(projects, project => Assert.Contains(project, copiedFirst));
        Assert.DoesNotContain(copiedFirst, c => c.EndsWith(".cs", StringComparison.Ordinal) || c == ".");
    }

    [Fact]
    public void The_runtime_image_is_chiseled_and_local_databases_stay_out_of_the_build_context()
    {
        var instructions = Dockerfile.Instructions;
        var runtime = instructions.FindLastIndex(i => i.StartsWith("FROM ", StringComparison.Ordinal));
        Assert.Contains("-chiseled", instructions[runtime]);
        // A chiseled image has no shell: nothing may RUN in that stage.
        Assert.DoesNotContain(instructions[runtime..], i => i.StartsWith("RUN ", StringComparison.Ordinal));
        Assert.Contains("**/data/", File.ReadAllLines(Path.Combine(TestPaths.Deploy, "Dockerfile.dockerignore")));
    }

    [Fact]
    public void Every_setting_the_code_binds_is_in_the_example_environment_file()
    {
        var example = File.ReadAllLines(ExampleEnvironmentFile).Select(l => l.TrimStart('#', ' ')).ToList();

        var missing = BoundOptions
            .All()
            .SelectMany(o => BoundOptions.EnvironmentVariables(o.Section, o.Type))
            .Where(variable => !example.Any(l => l.StartsWith(variable + "=", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_example_environment_file_with_every_setting_uncommented_binds_to_the_options()
    {
        var uncommented = File.ReadAllLines(ExampleEnvironmentFile)
            .Select(l => SettingLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (Key: m.Groups[1].Value, Value: m.Groups[2].Value))
            .ToList();
        Assert.NotEmpty(uncommented);
        // systemd's EnvironmentFile= and compose's env_file keep everything after '=': a comment would be the value.
        Assert.All(uncommented, s => Assert.DoesNotContain("#", s.Value));

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(uncommented.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":"), (string?)s.Value)))
            .Build();
        foreach (var (section, type) in BoundOptions.All())
            configuration.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true);
    }

    private static string ExampleEnvironmentFile => Path.Combine(TestPaths.Deploy, "grokfactsbot.env.example");

    [GeneratedRegex(@"^#? ?([A-Za-z][A-Za-z0-9_]*)=(.*)$")]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"^Project\(""[^""]*""\) = ""[^""]*"", ""([^""]+\.csproj)""")]
    private static partial Regex ProjectLine();

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
        // verify checks that ExecStart's binary exists: point it at the program as built here.
        var installed = _temp.Combine("grokfactsbot.service");
        await File.WriteAllTextAsync(installed, unit.Replace("/opt/grokfactsbot/", TestPaths.AppDirectory + "/"));
        using var verify = Process.Start(
            new ProcessStartInfo(analyze, ["verify", installed])
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
