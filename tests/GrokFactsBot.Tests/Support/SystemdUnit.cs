namespace GrokFactsBot.Tests.Support;

/// <summary>
/// What a test needs from deploy/: the unit's command line and environment, and the example env file.
/// </summary>
public sealed record SystemdUnit(string ExecStart, IReadOnlyDictionary<string, string> Environment)
{
    public static SystemdUnit Read(string path)
    {
        var lines = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var execStart = lines.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
        var environment = lines
            .Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        return new SystemdUnit(execStart, environment);
    }

    /// <summary>
    /// KEY=VALUE lines of an environment file, as systemd's EnvironmentFile= and compose's env_file read them.
    /// </summary>
    public static Dictionary<string, string> ReadEnvironmentFile(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
}
