using GrokFactsBot.Core.Tests.Support;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Tests.Resolution;

/// <summary>
/// A name that stops short of the only model below it: a missing version completes it ("zeta 235b" is Zeta-235B-A22B),
/// a missing variant word does not ("zeta v3.2" is not Zeta V3.2 Exp, an experimental release of its own).
/// </summary>
public sealed class VariantNameTests : IDisposable
{
    private const string Yaml = """
        sources:
          - { id: card, url: https://example.org/card, title: Model card, publisher: Lab, published: 2025-03-01, kind: primary }
        models:
          - id: zeta-v3.2-exp
            name: Zeta-V3.2-Exp
            developer: Lab
            claims:
              - { attribute: total_parameters, value: 685B, source: card }
          - id: zeta-235b-a22b
            name: Zeta-235B-A22B
            developer: Lab
            claims:
              - { attribute: total_parameters, value: 235B, source: card }
        """;

    private readonly KnowledgeFixture _kb = new(new Dictionary<string, string> { ["k.yaml"] = Yaml });

    public VariantNameTests() => Assert.True(_kb.Import().Succeeded);

    [Fact]
    public void A_missing_variant_word_is_another_model_offered_as_a_suggestion()
    {
        var notFound = Assert.IsType<R.NotFound>(_kb.Resolve("zeta v3.2"));
        Assert.Equal("zeta-v3.2-exp", Assert.Single(notFound.Suggestions).Id);
        Assert.DoesNotContain("685B", _kb.Run("params zeta v3.2").Lead?.Answer ?? "");
    }

    [Fact]
    public void A_missing_version_of_the_only_model_below_completes_the_name() =>
        Assert.Equal("zeta-235b-a22b", Assert.IsType<R.Found>(_kb.Resolve("zeta 235b")).Model.Id);

    [Fact]
    public void The_full_name_still_finds_the_variant() =>
        Assert.Equal("zeta-v3.2-exp", Assert.IsType<R.Found>(_kb.Resolve("zeta v3.2 exp")).Model.Id);

    public void Dispose() => _kb.Dispose();
}
