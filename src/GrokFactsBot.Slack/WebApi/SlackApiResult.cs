using System.Text.Json.Nodes;

namespace GrokFactsBot.Slack.WebApi;

public enum SlackErrorKind
{
    NotInChannel,
    ChannelNotFound,
    IsArchived,
    InvalidAuth,
    MissingScope,
    UserNotFound,
    RateLimited,
    MessageTooLong,
    ServerError,
    Unreachable,
    Other,
}

/// <summary>
/// A Web API failure: Slack's own error code (or our description of a transport failure) and its kind.
/// </summary>
public sealed record SlackApiError(SlackErrorKind Kind, string Code, TimeSpan? RetryAfter = null)
{
    public static SlackApiError FromCode(string code) =>
        new(
            code switch
            {
                "not_in_channel" => SlackErrorKind.NotInChannel,
                "channel_not_found" => SlackErrorKind.ChannelNotFound,
                "is_archived" => SlackErrorKind.IsArchived,
                "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
                    SlackErrorKind.InvalidAuth,
                "missing_scope" or "not_allowed_token_type" => SlackErrorKind.MissingScope,
                "user_not_found" or "user_not_visible" => SlackErrorKind.UserNotFound,
                "ratelimited" or "rate_limited" or "message_limit_exceeded" => SlackErrorKind.RateLimited,
                "msg_blocks_too_long" or "msg_too_long" or "invalid_blocks" => SlackErrorKind.MessageTooLong,
                "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" =>
                    SlackErrorKind.ServerError,
                _ => SlackErrorKind.Other,
            },
            code
        );
}

/// <summary>What a Web API call returned: the JSON body when <c>ok</c> was true, otherwise a typed error.</summary>
public sealed record SlackApiResult(JsonObject? Body, SlackApiError? Error)
{
    public bool Ok => Error is null;

    public static SlackApiResult Success(JsonObject body) => new(body, null);

    public static SlackApiResult Failure(SlackErrorKind kind, string code, TimeSpan? retryAfter = null) =>
        new(null, new SlackApiError(kind, code, retryAfter));
}
