using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.LocalChat;

/// <summary>
/// The chat on the console: reads lines until end of input (so it also works piped), answers each, then stops the
/// host. It runs only when no Discord or Slack front end is configured.
/// </summary>
public sealed class LocalChatService(
    Replies replies,
    ChartFiles charts,
    IEnumerable<IFrontEnd> frontEnds,
    IHostApplicationLifetime lifetime,
    ChatConsole console,
    UpdateOutbox outbox,
    SubscriptionStore subscriptions,
    TimeProvider clock
) : BackgroundService
{
    public const string Banner =
        "GrokFactsBot local chat: sourced facts about AI model releases. Type `help`, a command (`params grok-1`) or a question; end with Ctrl-D.\n"
        + "No Discord or Slack front end is configured. To turn them on, set Discord__BotToken, Discord__PublicKey and Discord__ApplicationId "
        + "(Discord), or Slack__BotToken with Slack__SigningSecret or Slack__AppToken (Slack); see README.md.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (frontEnds.Any() || !await HostStartedAsync(stoppingToken))
            return;
        await console.Error.WriteLineAsync(Banner);
        var caller = Caller.Console(Environment.UserName);
        while (!stoppingToken.IsCancellationRequested && await PromptAsync() && await ReadLineAsync(stoppingToken) is { } line)
        {
            if (line.Trim().Length == 0)
                continue;
            var reply = replies.ToText(line, caller);
            await console.Out.WriteLineAsync(ConsoleRenderer.Render(reply.Answer, reply.Render, console.Width));
            if (charts.Save(reply.Answer) is { } chart)
                await console.Out.WriteLineAsync(chart);
            await console.Out.WriteLineAsync();
            await console.Out.FlushAsync(stoppingToken);
        }
        await WaitForConsoleUpdatesAsync(stoppingToken);
        lifetime.StopApplication();
    }

    /// <summary>
    /// Reading waits until the host has started: input that ends at once (<c>&lt;/dev/null</c>) would otherwise stop
    /// the host while it is still starting, which it reports as a failure.
    /// </summary>
    private async Task<bool> HostStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// A piped script that subscribes the console and then adds a fact should see the update before the chat ends:
    /// wait (a few seconds at most) until the delivery worker has nothing left for the console.
    /// </summary>
    private async Task WaitForConsoleUpdatesAsync(CancellationToken stoppingToken)
    {
        var console = subscriptions
            .All()
            .Where(s => s.IsActive && s.Channel.Platform == Platform.Console)
            .Select(s => s.Channel.Key)
            .ToHashSet();
        if (console.Count == 0)
            return;
        var deadline = clock.GetUtcNow() + DrainLimit;
        while (
            !stoppingToken.IsCancellationRequested
            && clock.GetUtcNow() < deadline
            && (outbox.HasUpdatesToFanOut || outbox.NextDue(console) is not null)
        )
            await Task.Delay(DrainPoll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>A prompt when a person is typing; none when the input is piped, so output stays clean.</summary>
    private async Task<bool> PromptAsync()
    {
        if (console.IsInteractive)
        {
            await console.Out.WriteAsync(Prompt);
            await console.Out.FlushAsync();
        }
        return true;
    }

    public const string Prompt = "grokfacts> ";

    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5),
        DrainPoll = TimeSpan.FromMilliseconds(50);

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

/// <summary>
/// The console's streams, injectable so tests can drive the chat with in-memory text. A person at a terminal gets
/// a prompt and text wrapped to its width; piped input and output get neither.
/// </summary>
public sealed record ChatConsole(TextReader In, TextWriter Out, TextWriter Error, bool IsInteractive = false, int Width = 0)
{
    public static ChatConsole System =>
        new(
            Console.In,
            Console.Out,
            Console.Error,
            !Console.IsInputRedirected && !Console.IsOutputRedirected,
            Console.IsOutputRedirected ? 0 : TerminalWidth()
        );

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
