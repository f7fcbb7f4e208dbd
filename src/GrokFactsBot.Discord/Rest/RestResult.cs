using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GrokFactsBot.Discord.Rest;

public enum RestOutcome
{
    Success,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    RateLimited,
    ServerError,
    Unreachable,
}

/// <summary>
/// How a request ended, after any retries. 401/403/404 come back at once and are never retried: Discord counts
/// them toward its invalid-request ban. <see cref="Code"/> is Discord's JSON error code (10062, 10003, 50013…).
/// </summary>
public sealed record RestResult(
    RestOutcome Outcome,
    HttpStatusCode? Status,
    int? Code = null,
    string? Message = null,
    string? Body = null,
    TimeSpan? RetryAfter = null
)
{
    public bool IsSuccess => Outcome == RestOutcome.Success;

    public const int UnknownInteraction = 10062;
    public const int UnknownChannel = 10003;
    public const int UnknownWebhook = 10015;
    public const int InvalidWebhookToken = 50027;

    /// <summary>
    /// The interaction's token is gone (3 s missed or 15 min passed): nothing more can be said to this user.
    /// </summary>
    public bool IsExpiredInteraction => Code is UnknownInteraction or UnknownWebhook or InvalidWebhookToken;

    public T? Read<T>(JsonTypeInfo<T> shape) => Body is null ? default : JsonSerializer.Deserialize(Body, shape);

    public static RestResult From(HttpStatusCode status, string body, TimeSpan? retryAfter = null)
    {
        var (code, message) = ReadError(body);
        var outcome = (int)status switch
        {
            >= 200 and < 300 => RestOutcome.Success,
            401 => RestOutcome.Unauthorized,
            403 => RestOutcome.Forbidden,
            404 => RestOutcome.NotFound,
            429 => RestOutcome.RateLimited,
            >= 500 => RestOutcome.ServerError,
            _ => RestOutcome.BadRequest,
        };
        return new RestResult(outcome, status, code, message, body.Length == 0 ? null : body, retryAfter);
    }

    private static (int? Code, string? Message) ReadError(string body)
    {
        if (body.Length == 0 || body[0] != '{')
            return (null, null);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            int? code =
                root.TryGetProperty("code", out var c)
                && c.ValueKind == JsonValueKind.Number
                && c.TryGetInt32(out var n)
                    ? n
                    : null;
            var message =
                root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public override string ToString() =>
        $"{Outcome} ({(int?)Status}{(Code is null ? "" : $", code {Code}")}{(Message is null ? "" : ": " + Message)})";
}
