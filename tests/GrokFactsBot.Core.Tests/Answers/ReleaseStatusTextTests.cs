using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Answers;

/// <summary>The status line reads right whether a source gives the day or only "by" the day it was seen.</summary>
public sealed class ReleaseStatusTextTests : IDisposable
{
    private const string Yaml = """
        sources:
          - { id: card, url: https://example.org/card, title: Model card, publisher: Lab, published: 2025-03-01, retrieved: 2026-11-20, kind: primary }
        models:
          - id: dated
            name: Dated
            developer: Lab
            claims:
              - { attribute: api_available, value: 2025-03-01, source: card }
          - id: seen
            name: Seen
            developer: Lab
            claims:
              - { attribute: api_available, value: by 2026-07-06, source: card }
              - { attribute: open_weights_released, value: by 2026-07-06, source: card }
          - id: gone
            name: Gone
            developer: Lab
            claims:
              - { attribute: api_available, value: by 2026-07-06, source: card }
              - { attribute: retired, value: 2026-10-01, source: card }
        """;

    private readonly KnowledgeFixture _kb = new(
        new Dictionary<string, string> { ["k.yaml"] = Yaml },
        clock: FixedClock.December2026
    );

    public ReleaseStatusTextTests() => Assert.True(_kb.Import().Succeeded);

    [Theory]
    [InlineData("dated", "API since 1 Mar 2025 · no open weights")]
    [InlineData("seen", "open weights by 6 Jul 2026 · API by 6 Jul 2026")]
    [InlineData("gone", "retired 1 Oct 2026 · API by 6 Jul 2026 · no open weights")]
    public void A_release_reads_since_its_day_or_by_the_day_it_was_seen(string model, string expected)
    {
        var status = _kb.Run($"release {model}").Facts.Single(f => f.Label == "Status");
        Assert.StartsWith(expected, status.Value);
        Assert.DoesNotContain("since by", status.Value);
        Assert.DoesNotContain("from by", status.Value);
    }

    public void Dispose() => _kb.Dispose();
}
