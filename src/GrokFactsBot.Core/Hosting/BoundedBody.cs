namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// Reads a request body into memory, refusing one longer than a platform ever sends, so signatures can be checked
/// over the exact bytes before anything parses them.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(
        Stream body,
        long? declaredLength,
        int maxBytes,
        CancellationToken cancellationToken
    )
    {
        if (declaredLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
