using System.Text;
using NSec.Cryptography;

namespace GrokFactsBot.Testing.Discord;

/// <summary>Signs requests the way Discord does, with a real Ed25519 key made for the test.</summary>
public sealed class Signer : IDisposable
{
    private readonly Key _key = Key.Create(
        SignatureAlgorithm.Ed25519,
        new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }
    );

    public string PublicKeyHex =>
        Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();

    public string Sign(string timestamp, byte[] body) =>
        Convert
            .ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]))
            .ToLowerInvariant();

    public void Dispose() => _key.Dispose();
}
