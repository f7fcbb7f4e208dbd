using GrokFactsBot.Slack.Commands;
using Microsoft.AspNetCore.Http;

namespace GrokFactsBot.Slack.Http;

/// <summary>
/// POST /slack/commands: a signed slash command (<see cref="SignedSlackForm"/>), answered within Slack's 3 seconds.
/// </summary>
public sealed class SlackCommandEndpoint(SignedSlackForm forms, SlashCommandResponder responder)
{
    public const string Path = "/slack/commands";

    /// <summary>
    /// A slash command's text is at most a few thousand characters; anything far larger is not from Slack.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request)
    {
        var (field, answer) = await forms.ReadAsync(request, "slash command", MaxBodyBytes);
        if (field is null)
            return answer!;
        var (command, problem) = SlashCommand.Read(field);
        if (command is null)
            return Results.Text(problem!, statusCode: StatusCodes.Status400BadRequest);
        var message = await responder.RespondAsync(command);
        return Results.Json(message.ToResponse(), SlackJsonContext.Default.JsonObject);
    }
}
