using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// Who made a model, in a form that lets "Google DeepMind", "google" and "Google" meet while "Ai2" and "AI21 Labs"
/// stay apart. A join needs the makers to agree whenever both sides name one.
/// </summary>
internal static class Developers
{
    private static readonly Dictionary<string, string> Canonical = Build(
        ("google", ["google", "googledeepmind", "deepmind", "googlebrain", "googleresearch"]),
        ("meta", ["meta", "metaai", "facebook", "facebookai", "facebookairesearch", "metafair", "metallama"]),
        ("alibaba", ["alibaba", "alibabacloud", "alibabagroup", "qwen", "qwenteam", "alibabaqwenteam", "alibabaqwen"]),
        ("zhipu", ["zai", "zhipu", "zhipuai", "zaizhipuai", "zaiorg", "thudm"]),
        ("moonshot", ["moonshot", "moonshotai"]),
        ("mistral", ["mistral", "mistralai"]),
        ("microsoft", ["microsoft", "microsoftresearch", "microsoftai"]),
        ("deepseek", ["deepseek", "deepseekai"]),
        ("amazon", ["amazon", "aws", "amazonwebservices", "amazonnova"]),
        ("cohere", ["cohere", "cohereforai", "coherelabs"]),
        ("ai21", ["ai21", "ai21labs"]),
        ("ai2", ["ai2", "allenai", "alleninstituteforai"]),
        ("bytedance", ["bytedance", "bytedanceseed"]),
        ("ibm", ["ibm", "ibmresearch", "ibmgranite"])
    );

    private static Dictionary<string, string> Build(params (string Name, string[] Keys)[] groups) =>
        groups.SelectMany(g => g.Keys.Select(k => (k, g.Name))).ToDictionary(p => p.k, p => p.Name);

    /// <summary>"Alibaba Cloud / Qwen Team" and "Z.ai (Zhipu AI)" name one maker twice: each part counts.</summary>
    public static HashSet<string> Keys(IEnumerable<string> developers) =>
        developers
            .SelectMany(d => d.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Append(d))
            .Select(Names.Key)
            .Where(k => k.Length > 0 && k != "unknown")
            .Select(Of)
            .ToHashSet();

    private static readonly char[] Separators = ['/', ',', '(', ')', '&', ';', '|'];

    /// <summary>Words a company's name may carry or drop ("Xiaomi Corp", "Mistral AI", "Salesforce Research").</summary>
    private static readonly string[] Suffixes =
    [
        "ai",
        "labs",
        "lab",
        "inc",
        "corp",
        "corporation",
        "ltd",
        "limited",
        "group",
        "research",
        "technologies",
        "technology",
        "team",
    ];

    private static string Of(string key)
    {
        if (Canonical.TryGetValue(key, out var name))
            return name;
        foreach (var suffix in Suffixes)
            if (key.Length > suffix.Length + 2 && key.EndsWith(suffix, StringComparison.Ordinal))
                return Of(key[..^suffix.Length]);
        return key;
    }

    /// <summary>Unknown on either side is no objection; two named makers must share one.</summary>
    public static bool Compatible(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 || a.Overlaps(b);
}
