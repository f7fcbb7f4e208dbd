using System.Security.Cryptography;
using System.Text;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// Short claim ids people can type ("k7q2mf"). A file's claim keeps its id across imports because the id is
/// derived from what the claim says; a chat claim's id also folds in when it was added.
/// </summary>
public static class ClaimIds
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 6;

    public static string ForFile(
        string modelId,
        ModelAttribute attribute,
        string sourceId,
        string valueText,
        int attempt = 0
    ) => Encode(FileKey(modelId, attribute, sourceId, valueText) + (attempt == 0 ? "" : $"|{attempt}"));

    /// <summary>What makes two file claims the same claim: same model, attribute, source and value.</summary>
    public static string FileKey(string modelId, ModelAttribute attribute, string sourceId, string valueText) =>
        $"{modelId}|{attribute.Key()}|{sourceId}|{valueText.Trim().ToLowerInvariant()}";

    public static string ForChat(
        string modelId,
        ModelAttribute attribute,
        string sourceId,
        string valueText,
        DateTimeOffset at,
        int attempt = 0
    ) => Encode($"chat|{modelId}|{attribute.Key()}|{sourceId}|{valueText}|{at.UtcTicks}|{attempt}");

    private static string Encode(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        return new string(chars);
    }
}
