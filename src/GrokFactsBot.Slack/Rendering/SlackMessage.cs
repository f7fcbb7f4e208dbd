using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// A rendered Slack message: Block Kit blocks, the plain <c>text</c> fallback for notifications, and the buttons that
/// go under it as an actions block.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray Blocks, bool InChannel)
{
    public IReadOnlyList<ButtonSpec> Buttons { get; init; } = [];

    /// <summary>A chart to post into the channel with this message's blocks, instead of answering on the command.</summary>
    public ChartPost? Chart { get; init; }

    /// <summary>For a response_url post from a button: edit the message it came from instead of adding one.</summary>
    public bool? ReplaceOriginal { get; init; }

    /// <summary>
    /// The body for an HTTP slash-command response, a Socket Mode ack payload or a response_url POST.
    /// </summary>
    public JsonObject ToResponse()
    {
        var body = new JsonObject
        {
            ["response_type"] = InChannel ? "in_channel" : "ephemeral",
            ["text"] = Text,
            ["blocks"] = WithButtons(),
        };
        if (ReplaceOriginal is { } replace)
            body["replace_original"] = replace;
        return body;
    }

    /// <summary>The body for chat.postMessage.</summary>
    public JsonObject ToPost(string channel) =>
        new()
        {
            ["channel"] = channel,
            ["text"] = Text,
            ["blocks"] = WithButtons(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };

    private JsonArray WithButtons()
    {
        var blocks = (JsonArray)Blocks.DeepClone();
        // Slack has no disabled button: one that would do nothing is left out.
        var shown = Buttons.Where(b => !b.Disabled).Take(ReplyButtons.MaxButtons).ToList();
        if (shown.Count > 0 && blocks.Count < BlockKitRenderer.MaxBlocks)
            blocks.Add(
                (JsonNode)new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(
                        shown
                            .Select(
                                (b, i) =>
                                    (JsonNode)
                                        new JsonObject
                                        {
                                            ["type"] = "button",
                                            ["action_id"] = $"grokfacts-{i}",
                                            ["text"] = SlackText.PlainText(b.Label, ReplyButtons.MaxLabel),
                                            ["value"] = b.Token,
                                        }
                            )
                            .ToArray()
                    ),
                }
            );
        return blocks;
    }

    /// <summary>The same message with a line of small print under it.</summary>
    public SlackMessage WithNote(string note)
    {
        var blocks = (JsonArray)Blocks.DeepClone();
        if (blocks.Count >= BlockKitRenderer.MaxBlocks)
            blocks.RemoveAt(blocks.Count - 1);
        blocks.Add((JsonNode)BlockKitRenderer.Context([SlackText.Escape(note)]));
        return this with { Blocks = blocks };
    }

    public static SlackMessage Plain(string text, bool inChannel = false) =>
        new(
            text,
            [
                (JsonNode)new JsonObject { ["type"] = "section", ["text"] = SlackText.Mrkdwn(SlackText.Escape(text)) },
            ],
            inChannel
        );
}

/// <summary>A picture that is the answer, to be shared in <see cref="ChannelId"/> as a file titled <see cref="Title"/>.</summary>
public sealed record ChartPost(AnswerImage Image, string ChannelId, string Title);
