using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GrokFactsBot.Benchmarks;

/// <summary>The built bot run as a real process for a bench: its log (stderr) kept, stopped by signal or kill.</summary>
public sealed partial class BenchBot : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchBot(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
                return;
            lock (Log)
                Log.Add(line);
            if (Started().Match(line) is { Success: true } m)
                _listening.TrySetResult(m.Groups[1].Value);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Starts <c>dotnet &lt;dll&gt;</c> with these settings (Urls defaults to a free loopback port).</summary>
    public static BenchBot Start(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        return new BenchBot(Process.Start(info)!);
    }

    public List<string> Log { get; } = [];

    public int Id => _process.Id;

    public Task<string> ListeningAsync() => _listening.Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>What systemd and Docker send; returns the exit code once the process has ended.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose() => _process.Dispose();

    [GeneratedRegex(@"GrokFactsBot started: listening on (http://[^;,\s]+)")]
    private static partial Regex Started();
}
