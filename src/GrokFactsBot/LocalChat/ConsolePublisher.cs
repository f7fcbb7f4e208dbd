using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.LocalChat;

/// <summary>
/// Delivers release updates to the console chat, so <c>subscribe</c> works there as it does in a channel.
/// </summary>
public sealed class ConsolePublisher(ChatConsole console) : IChannelPublisher
{
    private static readonly RenderOptions Full = new(AnswerView.Full);

    public Platform Platform => Platform.Console;

    public async Task<PublishResult> PublishAsync(
        ChannelAddress channel,
        Answer update,
        string deliveryKey,
        CancellationToken cancellationToken
    )
    {
        // One write call per update: the console's writer is synchronized, so an update never interleaves with a reply.
        await console.Out.WriteLineAsync(
            $"[update {deliveryKey}]{Environment.NewLine}{ConsoleRenderer.Render(update, Full)}{Environment.NewLine}"
        );
        await console.Out.FlushAsync(cancellationToken);
        return PublishResult.Delivered;
    }
}
