using System.Text;
using GrokFactsBot.Discord.Tests.Fakes;

namespace GrokFactsBot.Discord.Tests;

public sealed class SignatureTests : IDisposable
{
    private const string Timestamp = "1732492800";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":1}""");
    private readonly Signer _signer = new();
    private readonly Ed25519Verifier _verifier;

    public SignatureTests() => _verifier = new Ed25519Verifier(_signer.PublicKeyHex);

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Valid_signature_over_timestamp_and_raw_body_is_accepted() =>
        Assert.True(_verifier.IsValid(_signer.Sign(Timestamp, Body), Timestamp, Body));

    [Fact]
    public void Tampered_body_is_rejected() =>
        Assert.False(
            _verifier.IsValid(_signer.Sign(Timestamp, Body), Timestamp, Encoding.UTF8.GetBytes("""{"type":2}"""))
        );

    [Fact]
    public void Tampered_timestamp_is_rejected() =>
        Assert.False(_verifier.IsValid(_signer.Sign(Timestamp, Body), "1732492801", Body));

    [Fact]
    public void Signature_from_another_key_is_rejected()
    {
        using var other = new Signer();
        Assert.False(_verifier.IsValid(other.Sign(Timestamp, Body), Timestamp, Body));
    }

    [Theory]
    [InlineData(null, Timestamp)]
    [InlineData("", Timestamp)]
    [InlineData("SIGNED", null)]
    [InlineData("SIGNED", "")]
    [InlineData("zz", Timestamp)]
    [InlineData(
        "not hex at all but 128 chars xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        Timestamp
    )]
    public void Missing_or_garbage_signature_parts_are_rejected_without_throwing(string? signature, string? timestamp)
    {
        var real = _signer.Sign(Timestamp, Body);
        Assert.False(_verifier.IsValid(signature == "SIGNED" ? real : signature, timestamp, Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    public void Bad_public_keys_are_reported_invalid(string? hex) =>
        Assert.False(Ed25519Verifier.IsValidPublicKeyHex(hex));
}
