using System.Globalization;
using System.Text;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Knowledge;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// A synthetic knowledge base of the size the answer path must stay fast on: 10,000 models with 10 claims each
/// (100,000 claims) citing 1,000 sources, written as ordinary knowledge YAML so it goes through the real importer.
/// </summary>
public static class GeneratedKnowledge
{
    public const int Models = 10_000;
    public const int ClaimsPerModel = 10;
    public const int Sources = 1_000;
    private const int ModelsPerFile = 200;

    public static string ModelId(int i) => $"gen-model-{i}";

    /// <summary>
    /// A sample claim id: which sources dodge a collision depends on how ids are made, so a folder written under one
    /// id scheme (length, alphabet) is never reused under another.
    /// </summary>
    public static string ClaimIdScheme => ClaimIds.ForFile(ModelId(0), ModelAttribute.TotalParameters, "src-0", "1B");

    /// <summary>Writes the folder once (skipped when already complete) and returns it.</summary>
    public static string EnsureWritten(string folder)
    {
        var done = Path.Combine(folder, ".complete");
        if (File.Exists(done))
            return folder;
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.WriteAllText(Path.Combine(folder, "sources.yaml"), SourcesYaml());
        var claimIds = new HashSet<string>();
        for (var start = 0; start < Models; start += ModelsPerFile)
            File.WriteAllText(
                Path.Combine(folder, "models", $"lab-{start / ModelsPerFile:D3}.yaml"),
                ModelsYaml(start, ModelsPerFile, claimIds)
            );
        File.WriteAllText(done, "");
        return folder;
    }

    private static string SourcesYaml()
    {
        var yaml = new StringBuilder("sources:\n");
        for (var s = 0; s < Sources; s++)
            yaml.Append(
                CultureInfo.InvariantCulture,
                $"""
                  - id: src-{s}
                    url: https://example.com/lab-{s % 50}/post-{s}
                    title: Release notes {s}
                    publisher: Lab {s % 50}
                    published: 2025-{s % 12 + 1:D2}-{s % 28 + 1:D2}
                    retrieved: 2026-08-25
                    kind: {(s % 3 == 0 ? "primary" : "secondary")}

                """
            );
        return yaml.ToString();
    }

    private static string ModelsYaml(int start, int count, HashSet<string> claimIds)
    {
        var yaml = new StringBuilder("models:\n");
        for (var i = start; i < start + count; i++)
        {
            yaml.Append(
                CultureInfo.InvariantCulture,
                $"""
                  - id: {ModelId(i)}
                    name: Gen Model {i}
                    developer: Lab {i % 50}
                    family: family-{i % 500}
                    status: released
                    status_as_of: 2026-08-25
                    aliases: [genmodel{i}, gm {i}]
                    claims:

                """
            );
            var claims = Claims(i);
            for (var k = 0; k < claims.Length; k++)
            {
                var (attribute, value) = claims[k];
                var source = UnusedClaimSource(ModelId(i), attribute, value, (i * 7 + k * 13) % Sources, claimIds);
                yaml.Append(
                    CultureInfo.InvariantCulture,
                    $"      - {{ attribute: {attribute}, value: {value}, source: src-{source}, quote: \"says {value}\" }}\n"
                );
            }
        }
        return yaml.ToString();
    }

    /// <summary>Three parameter claims (two agreeing, one not: a dispute), then one of each other kind.</summary>
    private static (string Attribute, string Value)[] Claims(int i) =>
        [
            ("total_parameters", $"{i % 900 + 1}B"),
            ("total_parameters", $"~{i % 900 + 1}B"),
            ("total_parameters", $"{i % 900 + 2}B"),
            ("active_parameters", $"{i % 90 + 1}B"),
            ("context_length", "128k"),
            ("announced", $"2025-{i % 12 + 1:D2}"),
            ("open_weights_released", $"Q{i % 4 + 1} 2025"),
            ("license", "Apache-2.0"),
            ("license", "MIT"),
            ("architecture", "Mixture-of-Experts"),
        ];

    /// <summary>
    /// Claim ids are short hashes, so 100,000 claims may collide a few times by chance (the importer then reports a
    /// duplicate); cite the next source instead, which keeps the base's shape and size.
    /// </summary>
    private static int UnusedClaimSource(
        string modelId,
        string attribute,
        string value,
        int source,
        HashSet<string> claimIds
    )
    {
        if (!ModelAttributes.TryParse(attribute, out var parsed))
            throw new ArgumentException($"unknown attribute {attribute}", nameof(attribute));
        while (!claimIds.Add(ClaimIds.ForFile(modelId, parsed, $"src-{source}", value)))
            source = (source + 1) % Sources;
        return source;
    }
}
