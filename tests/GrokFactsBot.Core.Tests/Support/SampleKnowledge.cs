namespace GrokFactsBot.Core.Tests.Support;

/// <summary>A small knowledge file in the real format, shaped like the seed contradictions.</summary>
public static class SampleKnowledge
{
    public const string Yaml = """
        sources:
          - id: xai-grok-os
            url: https://x.ai/news/grok-os
            title: Open Release of Grok-1
            publisher: xAI
            published: 2024-03-17
            retrieved: 2026-08-25
            kind: primary
          - id: hf-grok-2
            url: https://huggingface.co/xai-org/grok-2
            title: xai-org/grok-2
            publisher: Hugging Face
            published: 2025-08-22
            kind: primary
          - id: kellogg
            url: https://example.org/kellogg
            title: Grok 2.5 notes
            publisher: Tim Kellogg
            published: 2025-08-23
            kind: commentary
          - id: ainet
            url: https://example.org/grok-2-gambit
            title: The Grok-2 Gambit
            publisher: ai.net
            published: 2026-05-05
            kind: commentary
          - id: banandre
            url: https://example.org/banandre
            title: Grok's 0.5T Bet
            publisher: Banandre
            published: May 2026
            kind: secondary
          - id: digest
            url: https://example.org/digest
            title: Next year we're getting 0.5T model from Grok
            publisher: Daily Neural Digest
            published: 2026-05-26
            kind: commentary
        models:
          - id: grok-1
            name: Grok-1
            developer: xAI
            family: grok
            status: released
            status_as_of: 2026-08-25
            aliases: [grok1, grok-1-base]
            claims:
              - attribute: total_parameters
                value: 314B
                source: xai-grok-os
                quote: "314 billion parameter Mixture-of-Experts model"
              - attribute: license
                value: Apache-2.0
                source: xai-grok-os
          - id: grok-2
            name: Grok 2
            developer: xAI
            family: grok
            status: released
            aliases: [grok 2.5, grok-2.5]
            claims:
              - attribute: total_parameters
                value: ~270B
                qualifier: approximate
                source: hf-grok-2
              - attribute: total_parameters
                value: 268B
                source: kellogg
              - attribute: total_parameters
                value: 314B
                source: ainet
              - attribute: license
                value: Grok 2 Community License Agreement | restricted | https://huggingface.co/xai-org/grok-2/blob/main/LICENSE
                source: hf-grok-2
              - attribute: license
                value: Apache-2.0
                source: ainet
          - id: grok-v8-small
            name: Grok V8-small
            developer: xAI
            family: grok
            status: released
            aliases: [v8-small, the 0.5T model]
            claims:
              - attribute: total_parameters
                value: 0.5T
                qualifier: approximate
                source: banandre
              - attribute: open_weights_planned
                value: by end of 2026
                qualifier: planned
                source: banandre
              - attribute: open_weights_planned
                value: "2027"
                qualifier: planned
                source: digest
          - id: gpt-4
            name: GPT-4
            developer: OpenAI
            family: gpt
            status: released
            claims:
              - attribute: total_parameters
                value: ~1.76T
                qualifier: rumoured
                source: banandre
        """;
}
