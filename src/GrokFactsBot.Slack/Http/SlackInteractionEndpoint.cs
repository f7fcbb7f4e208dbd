using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFactsBot.Slack.Interactivity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Slack.Http;

/// <summary>
/// POST /slack/interactions: a button click, signed exactly like a command. It is acknowledged at once with an empty
/// 200 and answered on its response_url; anything that is not a block action is acknowledged and left alone.
/// </summary>
public sealed class SlackInteractionEndpoint(
    SignedSlackForm forms,
    SlackButtonHandler buttons,
    ILogger<SlackInteractionEndpoint> logger
)
{
    public const string Path = "/slack/interactions";

    /// <summary>A click's payload carries the message it sits on; well under this even for the longest answer.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request)
    {
        var (field, answer) = await forms.ReadAsync(request, "interaction", MaxBodyBytes);
        if (field is null)
            return answer!;
        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(field("payload") ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }
        if (payload is null)
            return Results.Text("The payload field is not a JSON object.", statusCode: StatusCodes.Status400BadRequest);
        var (click, problem) = BlockAction.Read(payload);
        if (click is null)
        {
            logger.LogDebug("Acknowledged a Slack interaction this bot does not handle: {Problem}", problem);
            return Results.Ok();
        }
        buttons.Start(click);
        return Results.Ok();
    }
}
