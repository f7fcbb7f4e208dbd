using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GrokFactsBot.Testing.Slack;

/// <summary>
/// A slash command as Slack POSTs it to /slack/commands: the form body, and the v0 HMAC-SHA256 signature over
/// "v0:{timestamp}:{body}" computed here independently of the bot's verifier.
/// </summary>
public static class SlackCommandRequest
{
    public const string Path = "/slack/commands";

    public static string Form(
        string text,
        string responseUrl,
        string user = "U2CERLKJA",
        string team = "T1DC2JH3J",
        string channel = "C1"
    ) =>
        $"token=x&team_id={team}&team_domain=t&channel_id={channel}&channel_name=general&user_id={user}&user_name=roadrunner"
        + $"&command=%2Fgrokfacts&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1.2.3";

    public static HttpRequestMessage Signed(string body, string secret, long? timestamp = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{ts}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }
}
