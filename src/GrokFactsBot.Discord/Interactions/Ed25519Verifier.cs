using System.Text;
using NSec.Cryptography;

namespace GrokFactsBot.Discord;

/// <summary>
/// Checks Discord's X-Signature-Ed25519 over UTF8(timestamp) + the raw body bytes. Every malformed input is simply
/// "not valid" so the endpoint answers 401, which Discord's automated probes expect.
/// </summary>
public sealed class Ed25519Verifier
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _publicKey;

    public Ed25519Verifier(string publicKeyHex)
    {
        if (!IsValidPublicKeyHex(publicKeyHex))
            throw new ArgumentException("Not a 32-byte Ed25519 public key in hex.", nameof(publicKeyHex));
        _publicKey = PublicKey.Import(Algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    public static bool IsValidPublicKeyHex(string? hex) =>
        hex is { Length: 64 }
        && TryHex(hex, out var bytes)
        && PublicKey.TryImport(Algorithm, bytes, KeyBlobFormat.RawPublicKey, out _);

    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (
            signatureHex is not { Length: 128 }
            || string.IsNullOrEmpty(timestamp)
            || !TryHex(signatureHex, out var signature)
        )
            return false;
        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + rawBody.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        rawBody.CopyTo(message.AsSpan(written));
        return Algorithm.Verify(_publicKey, message, signature);
    }

    private static bool TryHex(string hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return hex.Length % 2 == 0
            && Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == bytes.Length;
    }
}
