using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Core.Tests.Presentation;

/// <summary>The compact citations under a default answer, and the licence credit CC BY datasets require there.</summary>
public sealed class ShortCitationsTests
{
    private static Citation Cite(int n, string publisher, string? published = null, string? attribution = null) =>
        new(n, publisher, "t", published, $"https://example.org/{n}", SourceKind.Primary, null, attribution);

    public static TheoryData<Citation[], string> Cases =>
        new()
        {
            { [Cite(1, "xAI", "17 Mar 2024"), Cite(2, "xAI (GitHub)"), Cite(3, "xAI (Hugging Face)")], "xAI, 17 Mar 2024 · GitHub · HF" },
            {
                [Cite(1, "Epoch AI", "6 Jul 2026", "Data: Epoch AI, CC BY 4.0"), Cite(2, "models.dev")],
                "Epoch AI (CC BY 4.0), 6 Jul 2026 · models.dev"
            },
            {
                [Cite(1, "Meta", "5 Apr 2025"), Cite(2, "LLM-Stats", null, "Data: LLM-Stats, CC BY 4.0")],
                "Meta, 5 Apr 2025 · LLM-Stats (CC BY 4.0)"
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sources_read_compactly_and_credit_a_licence_that_asks_for_it(Citation[] citations, string line) =>
        Assert.Equal(line, string.Join(" · ", ShortCitations.Of(citations).Shown.Select(c => c.Label)));
}
