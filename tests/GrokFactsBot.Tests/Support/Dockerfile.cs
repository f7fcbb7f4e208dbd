using System.Text.Json;

namespace GrokFactsBot.Tests.Support;

/// <summary>deploy/Dockerfile as instructions (continuation lines joined, comments dropped).</summary>
public static class Dockerfile
{
    public static List<string> Instructions
    {
        get
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Deploy, "Dockerfile")).Replace("\\\n", " ");
            return
            [
                .. text.Split('\n')
                    .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                    .Where(l => l.Length > 0 && !l.StartsWith('#')),
            ];
        }
    }

    /// <summary>The HEALTHCHECK's exec-form command, e.g. ["dotnet", "/app/GrokFactsBot.dll", "health", "--ready"].</summary>
    public static string[] HealthCheck
    {
        get
        {
            var healthCheck = Instructions.Single(i => i.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
            return JsonSerializer.Deserialize<string[]>(healthCheck[(healthCheck.IndexOf(" CMD ", StringComparison.Ordinal) + 5)..])!;
        }
    }
}
