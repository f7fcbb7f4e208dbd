using System.Text;
using GrokFactsBot.Slack.Http;

namespace GrokFactsBot.Slack.Tests;

public sealed class SlackSignatureTests
{
    // Slack's published example (docs: "Verifying requests from Slack").
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Timestamp = "1531420618";
    public const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    public const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Computes_slacks_published_example() =>
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(0, SignatureCheck.Valid)]
    [InlineData(299, SignatureCheck.Valid)]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.StaleTimestamp)]
    [InlineData(-301, SignatureCheck.StaleTimestamp)]
    [InlineData(86_400, SignatureCheck.StaleTimestamp)]
    public void Accepts_only_timestamps_within_five_minutes_either_way(
        int secondsFromSigning,
        SignatureCheck expected
    ) =>
        Assert.Equal(
            expected,
            SlackSignature.Verify(
                Secret,
                Timestamp,
                Expected,
                Encoding.UTF8.GetBytes(Body),
                SignedAt.AddSeconds(secondsFromSigning)
            )
        );

    [Theory]
    [InlineData(Secret, Timestamp, Expected, Body, SignatureCheck.Valid)]
    [InlineData(Secret, Timestamp, Expected, Body + "&text=public", SignatureCheck.Mismatch)]
    [InlineData(
        Secret,
        Timestamp,
        Expected,
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3K",
        SignatureCheck.Mismatch
    )]
    [InlineData(
        Secret,
        Timestamp,
        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504",
        Body,
        SignatureCheck.Mismatch
    )]
    [InlineData(
        Secret,
        Timestamp,
        "V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503",
        Body,
        SignatureCheck.Mismatch
    )]
    [InlineData(Secret, Timestamp, "v0=", Body, SignatureCheck.Mismatch)]
    [InlineData("another-secret", Timestamp, Expected, Body, SignatureCheck.Mismatch)]
    [InlineData(null, Timestamp, Expected, Body, SignatureCheck.NoSecretConfigured)]
    [InlineData("", Timestamp, Expected, Body, SignatureCheck.NoSecretConfigured)]
    [InlineData(Secret, null, Expected, Body, SignatureCheck.MissingHeaders)]
    [InlineData(Secret, Timestamp, null, Body, SignatureCheck.MissingHeaders)]
    [InlineData(Secret, "15314206l8", Expected, Body, SignatureCheck.MissingHeaders)]
    public void Rejects_tampering_and_fails_closed(
        string? secret,
        string? timestamp,
        string? signature,
        string body,
        SignatureCheck expected
    ) =>
        Assert.Equal(
            expected,
            SlackSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), SignedAt)
        );
}
