using System.Diagnostics;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Commands;

/// <summary>
/// One handler for both transports: the command text goes through the shared text runner (command, bare model name,
/// or question) and comes back as Block Kit, ephemeral unless the text ends with "public".
/// </summary>
public sealed class SlackCommandHandler(
    TextCommandRunner runner,
    CommandRouter router,
    SlackCallerFactory callers,
    BotMetrics metrics,
    ILogger<SlackCommandHandler> logger)
{
    public const string Failure = "Sorry, that went wrong on our side and has been logged. Please try again in a moment.";

    public async Task<SlackMessage> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var (text, isPublic) = PublicFlag.Split(command.Text);
            var caller = await callers.CreateAsync(command, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var answer = runner.Run(text, caller);
            var name = CommandName(text);
            metrics.AnswerDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("platform", "slack"));
            metrics.CommandsAnswered.Add(1, new("platform", "slack"), new("command", name), new("outcome", answer.Kind.ToString()));
            return BlockKitRenderer.Render(answer, inChannel: isPublic && !answer.IsPrivate);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Slack command from {User} failed", command.QualifiedUserId);
            return SlackMessage.Plain(Failure);
        }
    }

    private string CommandName(string text)
    {
        var first = CommandLineParser.Tokenize(text.TrimStart('/')).FirstOrDefault();
        return first is null ? "help" : router.Find(first)?.Name ?? "ask";
    }
}
