namespace GrokFactsBot.Testing;

/// <summary>
/// A second source whose title and publisher carry a platform's injection attempt (mentions, markup, entities).
/// </summary>
public sealed record RivalSource(string Id, string Url, string Title, string Publisher);

/// <summary>
/// One knowledge file: Grok-1 (alias grok1) under Apache-2.0, its total_parameters disputed between xAI's 314B and a
/// rival source's 400B, so an answer shows citations, a dispute and the rival's text for the renderer to escape.
/// </summary>
public static class Grok1Knowledge
{
    /// <summary>Grok-1 as xAI published it, with its weights on Hugging Face: what a release watcher attaches to.</summary>
    public const string WithWeights = """
        sources:
          - id: xai-grok-os
            url: https://x.ai/news/grok-os
            title: Open Release of Grok-1
            publisher: xAI
            published: 2024-03-17
            kind: primary
        models:
          - id: grok-1
            name: Grok-1
            developer: xAI
            family: grok
            status: released
            claims:
              - attribute: total_parameters
                value: 314B
                source: xai-grok-os
              - attribute: weights_location
                value: huggingface.co/xai-org/grok-1
                source: xai-grok-os
        """;

    public static string Yaml(RivalSource rival) =>
        $$"""
            sources:
              - id: xai-grok-os
                url: https://x.ai/news/grok-os
                title: Open Release of Grok-1
                publisher: xAI
                published: 2024-03-17
                retrieved: 2026-08-25
                kind: primary
              - id: {{rival.Id}}
                url: {{Quoted(rival.Url)}}
                title: {{Quoted(rival.Title)}}
                publisher: {{Quoted(rival.Publisher)}}
                published: 2024-03-18
                retrieved: 2026-08-25
                kind: primary
            models:
              - id: grok-1
                name: Grok-1
                developer: xAI
                family: grok
                status: released
                status_as_of: 2026-08-25
                aliases: [grok1]
                claims:
                  - attribute: total_parameters
                    value: 314B
                    source: xai-grok-os
                    quote: "314 billion parameter Mixture-of-Experts model"
                  - attribute: total_parameters
                    value: 400B
                    source: {{rival.Id}}
                    quote: "400 billion parameters"
                  - attribute: license
                    value: Apache-2.0
                    source: xai-grok-os
                    quote: "under the Apache 2.0 license"
            """;

    private static string Quoted(string text) =>
        "\""
        + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        + "\"";
}
