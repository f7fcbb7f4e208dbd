using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GrokFactsBot.Slack.Http;

public enum SignatureCheck
{
    Valid,
    NoSecretConfigured,
    MissingHeaders,
    StaleTimestamp,
    Mismatch,
}

/// <summary>
/// Slack's request signing: "v0=" + hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}")), compared in
/// constant time, with the timestamp at most five minutes from now either way (replays are refused).
/// </summary>
public static class SlackSignature
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(
        string? secret,
        string? timestamp,
        string? signature,
        ReadOnlySpan<byte> rawBody,
        DateTimeOffset now
    )
    {
        if (string.IsNullOrEmpty(secret))
            return SignatureCheck.NoSecretConfigured;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SignatureCheck.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureCheck.MissingHeaders;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxClockSkew.TotalSeconds)
            return SignatureCheck.StaleTimestamp;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, rawBody));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? SignatureCheck.Valid
            : SignatureCheck.Mismatch;
    }

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
