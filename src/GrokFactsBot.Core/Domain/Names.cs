namespace GrokFactsBot.Core.Domain;

public static class Names
{
    /// <summary>The form names are matched in: "Grok-1", "grok 1" and "GROK_1" all become "grok1".</summary>
    public static string Key(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
