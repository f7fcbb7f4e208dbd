namespace GrokFactsBot.Testing;

public static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether the bytes start with the PNG file signature.</summary>
    public static bool Is(byte[] bytes) => bytes.AsSpan().StartsWith(Signature);
}
