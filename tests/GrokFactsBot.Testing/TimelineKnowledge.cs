namespace GrokFactsBot.Testing;

/// <summary>Two dated, sized xAI models for a timeline: one open, one whose size only its CEO stated.</summary>
public static class TimelineKnowledge
{
    public const string Yaml = """
        sources:
          - id: lab-post
            url: https://x.ai/news/test-1
            title: Test release
            publisher: xAI
            published: 2025-02-01
            retrieved: 2026-11-01
            kind: primary
          - id: ceo-post
            url: https://x.com/ceo/status/1
            title: A post
            publisher: xAI's CEO on X
            published: 2026-03-01
            retrieved: 2026-11-01
            kind: primary
            basis: statement
        models:
          - id: test-open
            name: Test Open
            developer: xAI
            claims:
              - { attribute: total_parameters, value: 270B, source: lab-post, quote: "270B parameters" }
              - { attribute: open_weights_released, value: 2025-02-01, source: lab-post, quote: "weights out" }
              - { attribute: license, value: Apache-2.0, source: lab-post, quote: "Apache 2.0" }
          - id: test-big
            name: Test Big
            developer: xAI
            claims:
              - { attribute: total_parameters, value: 3T, source: ceo-post, quote: "3T parameters" }
              - { attribute: announced, value: 2026-03-01, source: ceo-post, quote: "announcing" }
        """;

    /// <summary>
    /// A third dated, sized model whose source has the address of another (as dataset rows share a dataset's page).
    /// </summary>
    public const string SharedAddress = """
        sources:
          - id: lab-post-again
            url: https://x.ai/news/test-1
            title: Test release, the model card
            publisher: xAI
            published: 2025-02-01
            retrieved: 2026-11-01
            kind: primary
        models:
          - id: test-mid
            name: Test Mid
            developer: xAI
            claims:
              - { attribute: total_parameters, value: 70B, source: lab-post-again, quote: "70B parameters" }
              - { attribute: announced, value: 2025-06-01, source: lab-post-again, quote: "announcing" }
        """;

    /// <summary>
    /// A model announced in mid-2025 that a source only says was on the API "by July 2026" (as a dataset's snapshot
    /// date bounds it): a bound is not the day it came out.
    /// </summary>
    public const string ApiByDate = """
        sources:
          - id: api-listing
            url: https://example.com/news/api-models
            title: Models on the API
            publisher: A news site
            published: 2025-08-25
            retrieved: 2026-11-01
            kind: secondary
        models:
          - id: test-api-by
            name: Test Api By
            developer: xAI
            claims:
              - { attribute: total_parameters, value: 1T, source: api-listing, quote: "1T parameters" }
              - { attribute: announced, value: 2025-06-01, source: api-listing, quote: "announced in June" }
              - { attribute: api_available, value: by July 2026, source: api-listing, quote: "on the API" }
        """;
}
