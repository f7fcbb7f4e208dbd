using System.Globalization;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Slack.Rendering;

namespace GrokFactsBot.Slack.WebApi;

/// <summary>
/// Shares a chart in a channel the way Slack takes files: files.getUploadURLExternal for an upload URL and a file
/// id, the bytes to that URL, then files.completeUploadExternal to share the file with the answer's blocks.
/// </summary>
public sealed class SlackFileUpload(SlackApiClient api)
{
    public const int MaxAltText = 1000;

    public async Task<SlackApiResult> PostAsync(SlackMessage message, ChartPost chart, CancellationToken cancellationToken)
    {
        var image = chart.Image;
        var target = await api.PostFormAsync(
            "files.getUploadURLExternal",
            new Dictionary<string, string>
            {
                ["filename"] = image.FileName,
                ["length"] = image.Png.Length.ToString(CultureInfo.InvariantCulture),
                ["alt_txt"] = TextCut.Truncate(image.Description, MaxAltText),
            },
            cancellationToken
        );
        if (!target.Ok)
            return target;
        if (
            Text(target.Body!, "upload_url") is not { } url
            || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl)
            || uploadUrl.Scheme is not ("https" or "http")
            || Text(target.Body!, "file_id") is not { Length: > 0 } fileId
        )
            return SlackApiResult.Failure(SlackErrorKind.Other, "files.getUploadURLExternal gave no upload_url or file_id");
        var uploaded = await api.UploadAsync(uploadUrl, image.FileName, image.Png, cancellationToken);
        if (!uploaded.Ok)
            return uploaded;
        return await api.PostAsync(
            "files.completeUploadExternal",
            new JsonObject
            {
                ["files"] = new JsonArray(
                    new JsonObject { ["id"] = fileId, ["title"] = TextCut.Truncate(chart.Title, 250) }
                ),
                ["channel_id"] = chart.ChannelId,
                ["blocks"] = message.Blocks.DeepClone(),
            },
            cancellationToken
        );
    }

    /// <summary>Why a chart is not in the channel, and what fixes it, for the person who asked.</summary>
    public static string Explain(SlackApiError error) =>
        error.Kind switch
        {
            SlackErrorKind.NotInChannel or SlackErrorKind.ChannelNotFound =>
                "The chart couldn't be posted: the bot isn't a member of this channel. Invite it (`/invite`) and ask again.",
            SlackErrorKind.MissingScope =>
                "The chart couldn't be posted: the app lacks the files:write scope. An admin needs to reinstall it with the current manifest.",
            SlackErrorKind.IsArchived => "The chart couldn't be posted: this channel is archived.",
            _ => $"The chart couldn't be posted (Slack said: {error.Code}). Please try again in a moment.",
        };

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
