using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace GrokFactsBot.Tests.Support;

/// <summary>
/// The built program run as a real process (<c>dotnet exec GrokFactsBot.dll …</c> or the native binary), its
/// streams captured.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    /// <summary>A failure guard only: a healthy run takes about a second.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, int Occurrence, TaskCompletionSource Seen)> _awaitedOutput = [];

    private BotProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_out)
                return _out.ToString();
        }
    }

    public string Error
    {
        get
        {
            lock (_err)
                return _err.ToString();
        }
    }

    /// <summary>
    /// Starts the program: <paramref name="command"/> defaults to <see cref="TestPaths.AppCommand"/>; variables named
    /// in <paramref name="unset"/> are removed from its environment (Urls is otherwise an ephemeral loopback port).
    /// </summary>
    public static BotProcess Start(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        string? command = null,
        IReadOnlyList<string>? commandArgs = null,
        IReadOnlyList<string>? unset = null,
        string? workingDirectory = null
    )
    {
        var info = new ProcessStartInfo(command ?? TestPaths.AppCommand[0])
        {
            WorkingDirectory = workingDirectory ?? TestPaths.AppDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in commandArgs ?? TestPaths.AppCommand.Skip(1))
            info.ArgumentList.Add(arg);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        foreach (var key in unset ?? [])
            info.Environment.Remove(key);

        var bot = new BotProcess(new Process { StartInfo = info });
        bot._process.OutputDataReceived += (_, e) => bot.OnOutputLine(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.OnErrorLine(e.Data);
        bot._process.EnableRaisingEvents = true;
        bot._process.Exited += (_, _) =>
            bot._listening.TrySetException(
                new InvalidOperationException("exited before it started listening:\n" + bot.Error)
            );
        bot._process.Start();
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Runs to the end with <paramref name="input"/> on stdin, then closed.</summary>
    public static async Task<BotProcess> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        string input = "",
        string? command = null,
        IReadOnlyList<string>? commandArgs = null,
        IReadOnlyList<string>? unset = null,
        string? workingDirectory = null
    )
    {
        var bot = Start(args, environment, command, commandArgs, unset, workingDirectory);
        await bot._process.StandardInput.WriteAsync(input);
        bot._process.StandardInput.Close();
        await bot.WaitForExitAsync();
        return bot;
    }

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    /// <summary>Types one line into the running program (the local chat reads it as a command).</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Ends the program's input, as a closed pipe or Ctrl-D would.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>
    /// Waits until the output holds <paramref name="text"/> for the <paramref name="occurrence"/>th time (counting what
    /// is already there).
    /// </summary>
    public Task WaitForOutputAsync(string text, int occurrence = 1)
    {
        lock (_out)
        {
            if (Occurrences(_out.ToString(), text) >= occurrence)
                return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedOutput.Add((text, occurrence, seen));
            return seen.Task.WaitAsync(Guard);
        }
    }

    private void OnOutputLine(string? line)
    {
        if (line is null)
            return;
        lock (_out)
        {
            _out.AppendLine(line);
            var output = _out.ToString();
            foreach (var awaited in _awaitedOutput.ToList())
            {
                if (Occurrences(output, awaited.Text) < awaited.Occurrence)
                    continue;
                _awaitedOutput.Remove(awaited);
                awaited.Seen.SetResult();
            }
        }
    }

    private static int Occurrences(string output, string text) =>
        (output.Length - output.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;

    /// <summary>The address the service listens on, once it logs that it has started.</summary>
    public Task<string> Listening => _listening.Task.WaitAsync(Guard);

    public async Task WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        await _process.WaitForExitAsync(guard.Token);
    }

    /// <summary>What systemd, Docker and Ctrl-C in a terminal send: SIGTERM.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
        await WaitForExitAsync();
    }

    private void OnErrorLine(string? line)
    {
        if (line is null)
            return;
        lock (_err)
            _err.AppendLine(line);
        if (StartedLine().Match(line) is { Success: true } started)
            _listening.TrySetResult(started.Groups[1].Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"GrokFactsBot started: listening on (http://[^;,\s]+)")]
    private static partial Regex StartedLine();
}
