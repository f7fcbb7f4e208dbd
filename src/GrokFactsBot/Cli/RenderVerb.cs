using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Knowledge;
using GrokFactsBot.Slack.Commands;

namespace GrokFactsBot.Cli;

/// <summary>
/// <c>render "&lt;command&gt;" …</c>: the JSON Discord and Slack would receive for each command, asked by a member
/// of a server or workspace (no admin rights), one JSON object a line. For looking at answers as the clients draw
/// them (tools/preview), not for the bot's work.
/// </summary>
public sealed class RenderVerb(KnowledgeStartup knowledge, Replies replies, ActionTokens tokens) : ICliVerb
{
    public string Name => "render";

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var lines = args.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        if (lines.Count == 0)
        {
            await error.WriteLineAsync("usage: render \"<command>\" [\"<command>\" …]   e.g. render \"params grok-1\"");
            return 2;
        }
        await knowledge.StartAsync(cancellationToken);
        foreach (var line in lines)
        {
            var discord = replies.ToText(line, Member(Platform.Discord));
            var slack = replies.ToText(line, Member(Platform.Slack));
            var rendered = new JsonObject
            {
                ["command"] = line,
                ["discord"] = JsonSerializer.SerializeToNode(
                    InteractionHandler.Message(discord, tokens),
                    DiscordJson.Options.GetTypeInfo(typeof(MessagePayload))
                ),
                ["slack"] = SlackCommandHandler.Message(slack, tokens).ToResponse(),
            };
            await output.WriteLineAsync(rendered.ToJsonString());
        }
        return 0;
    }

    private static Caller Member(Platform platform) =>
        platform == Platform.Discord
            ? new(platform, "discord:1", "ada", "discord:42", "7", false, false, false)
            : new(platform, "slack:T1/U1", "ada", "slack:T1", "C1", false, false, false);
}
