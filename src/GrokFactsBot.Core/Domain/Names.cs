namespace GrokFactsBot.Core.Domain;

public static class Names
{
    /// <summary>The form names are matched in: "Grok-1", "grok 1" and "GROK_1" all become "grok1".</summary>
    public static string Key(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The forms a model is matched in exactly: its id, name and aliases as keys.</summary>
    public static IEnumerable<string> KeysOf(Model model) =>
        new[] { model.Id, model.Name }.Concat(model.Aliases).Select(Key).Where(k => k.Length > 0).Distinct();
}
