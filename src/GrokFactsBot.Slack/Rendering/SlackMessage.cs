using System.Text.Json.Nodes;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>A rendered Slack message: Block Kit blocks plus the plain <c>text</c> fallback for notifications.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks, bool InChannel)
{
    /// <summary>
    /// The body for an HTTP slash-command response, a Socket Mode ack payload or a response_url POST.
    /// </summary>
    public JsonObject ToResponse() =>
        new()
        {
            ["response_type"] = InChannel ? "in_channel" : "ephemeral",
            ["text"] = Text,
            ["blocks"] = Blocks.DeepClone(),
        };

    /// <summary>The body for chat.postMessage.</summary>
    public JsonObject ToPost(string channel) =>
        new()
        {
            ["channel"] = channel,
            ["text"] = Text,
            ["blocks"] = Blocks.DeepClone(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };

    public static SlackMessage Plain(string text, bool inChannel = false) =>
        new(
            text,
            [new JsonObject { ["type"] = "section", ["text"] = SlackText.Mrkdwn(SlackText.Escape(text)) }],
            inChannel
        );
}
