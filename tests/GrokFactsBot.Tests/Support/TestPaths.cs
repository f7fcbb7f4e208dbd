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
    /// A native (AOT) publish of the program to run instead of the build (<c>tests/native.sh</c> sets it), so the
    /// tests that start the program as a process check the binary the image ships.
    /// </summary>
    public static string? NativeAppDirectory => Environment.GetEnvironmentVariable("GROKFACTS_NATIVE_APP");

    /// <summary>
    /// The program exactly as built (its own output folder, with its appsettings.json and runtimeconfig).
    /// </summary>
    public static string AppDirectory
    {
        get
        {
            if (NativeAppDirectory is { Length: > 0 } native)
                return native;
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

    /// <summary>How to start the program: <c>dotnet exec</c> on the build, or the native binary itself.</summary>
    public static IReadOnlyList<string> AppCommand =>
        NativeAppDirectory is { Length: > 0 }
            ? [Path.Combine(AppDirectory, "GrokFactsBot")]
            : ["dotnet", "exec", AppDll];

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
