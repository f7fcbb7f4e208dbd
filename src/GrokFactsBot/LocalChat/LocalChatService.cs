using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;

namespace GrokFactsBot.LocalChat;

/// <summary>
/// The chat on the console: reads lines until end of input (so it also works piped), answers each, then stops the
/// host. It runs only when no Discord or Slack front end is configured.
/// </summary>
public sealed class LocalChatService(
    TextCommandRunner runner,
    IEnumerable<IFrontEnd> frontEnds,
    IHostApplicationLifetime lifetime,
    ChatConsole console) : BackgroundService
{
    public const string Banner =
        "GrokFactsBot local chat: sourced facts about AI model releases. Type `help`, a command (`params grok-1`) or a question; end with Ctrl-D.\n" +
        "No Discord or Slack front end is configured. To turn them on, set Discord__BotToken, Discord__PublicKey and Discord__ApplicationId " +
        "(Discord), or Slack__BotToken with Slack__SigningSecret or Slack__AppToken (Slack); see README.md.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (frontEnds.Any()) return;
        await Task.Yield();
        await console.Error.WriteLineAsync(Banner);
        var caller = Caller.Console(Environment.UserName);
        while (!stoppingToken.IsCancellationRequested && await ReadLineAsync(stoppingToken) is { } line)
        {
            if (line.Trim().Length == 0) continue;
            await console.Out.WriteLineAsync(ConsoleRenderer.Render(runner.Run(line, caller)));
            await console.Out.WriteLineAsync();
            await console.Out.FlushAsync(stoppingToken);
        }
        lifetime.StopApplication();
    }

    /// <summary>
    /// Console.In reads synchronously even through ReadLineAsync and ignores cancellation once blocked: read on another
    /// thread and stop waiting for it on shutdown, so SIGTERM is not held up by the shutdown timeout.
    /// </summary>
    private async Task<string?> ReadLineAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await Task.Run(console.In.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}

/// <summary>The console's streams, injectable so tests can drive the chat with in-memory text.</summary>
public sealed record ChatConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static ChatConsole System => new(Console.In, Console.Out, Console.Error);
}
