namespace GrokFactsBot.Tests.Support;

/// <summary>
/// Where the built program, the deploy files and the test knowledge are, from the test's own output folder.
/// </summary>
public static class TestPaths
{
    public static string OutputDirectory => AppContext.BaseDirectory;

    public static string TestKnowledge => Path.Combine(OutputDirectory, "TestKnowledge");

    public static string BadKnowledge => Path.Combine(OutputDirectory, "BadKnowledge");

    /// <summary>
    /// The program exactly as built (its own output folder, with its appsettings.json and runtimeconfig).
    /// </summary>
    public static string AppDirectory
    {
        get
        {
            var configurationAndTfm = Path.GetRelativePath(
                Path.Combine(RepositoryRoot, "tests", "GrokFactsBot.Tests", "bin"),
                OutputDirectory
            );
            return Path.Combine(RepositoryRoot, "src", "GrokFactsBot", "bin", configurationAndTfm);
        }
    }

    /// <summary>The knowledge folder and dataset snapshots as the built program ships them.</summary>
    public static string ShippedKnowledge => Path.Combine(AppDirectory, "knowledge");

    public static string AppDll => Path.Combine(AppDirectory, "GrokFactsBot.dll");

    public static string Deploy => Path.Combine(RepositoryRoot, "deploy");

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(OutputDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrokFactsBot.sln")))
                dir = dir.Parent;
            return dir?.FullName
                ?? throw new InvalidOperationException("GrokFactsBot.sln not found above " + OutputDirectory);
        }
    }
}
