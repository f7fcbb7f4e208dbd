namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// A request's rate-limit identity: its method and path with ids and tokens replaced by placeholders, plus the
/// "major" parameter Discord keeps separate limits for: a channel or guild id, or a webhook or interaction id with its
/// token.
/// </summary>
public sealed record RouteKey(string Template, string Major, bool IsInteraction)
{
    private static readonly string[] MajorResources = ["channels", "guilds", "webhooks"];

    public static RouteKey For(HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var major = "";
        var template = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : "";
            var isId = segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit);
            var isToken = previous.Length > 0 && (segments[0] is "interactions" or "webhooks") && i == 2;
            if (isId && major.Length == 0 && MajorResources.Contains(previous))
            {
                major = segments[i];
                template.Add(segments[i]);
            }
            else if (isToken)
            {
                // Each interaction (and webhook) token is its own route: edits of different answers never queue
                // behind one another.
                major += "/" + segments[i];
                template.Add("{token}");
            }
            else
                template.Add(isId ? "{id}" : segments[i]);
        }
        var isInteraction = segments[0] is "interactions" || segments[0] is "webhooks" && segments.Length > 2;
        return new RouteKey(method.Method + " /" + string.Join('/', template), major, isInteraction);
    }
}
