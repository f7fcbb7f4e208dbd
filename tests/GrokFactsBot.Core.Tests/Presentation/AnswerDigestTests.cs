using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Core.Tests.Presentation;

public class AnswerDigestTests
{
    private const string Relayed = "reported by Mozilla, copying the model card";

    [Fact]
    public void An_assessment_in_line_one_is_not_repeated_on_the_lines_below()
    {
        var digest = AnswerDigest.Of(Card(Relayed, Relayed, Relayed));
        Assert.All(digest.Lines, line => Assert.Null(line.Tag));
    }

    [Fact]
    public void A_different_assessment_on_a_supporting_line_is_shown_once()
    {
        var digest = AnswerDigest.Of(Card("confirmed by Google", Relayed, Relayed));
        Assert.Equal([Relayed, null], digest.Lines.Select(l => l.Tag));
    }

    private static Answer Card(string leadContext, params string[] assessments) =>
        new(
            AnswerKind.Facts,
            "Gemma 3 27B",
            null,
            assessments
                .Select((a, i) => new FactLine($"Fact {i}", $"value {i}", Confidence.Likely, [1], Assessment: a))
                .ToList(),
            [],
            []
        )
        {
            Lead = new LeadLine("Gemma 3 27B: 27B total", [leadContext]),
        };
}
