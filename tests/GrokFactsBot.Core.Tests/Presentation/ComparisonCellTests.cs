using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Core.Tests.Presentation;

public sealed class ComparisonCellTests
{
    [Theory]
    [InlineData("xAI", "xAI")]
    [InlineData("Google Research, Google DeepMind", "Google Research, Google DeepMind")]
    [InlineData(
        "Technical University of Munich, NVIDIA, Seoul National University, Google, Oak Ridge National Laboratory",
        "Technical University of Munich +4"
    )]
    [InlineData(
        "a value that is long but has no list separators in it at all and so it stays whole",
        "a value that is long but has no list separators in it at all and so it stays whole"
    )]
    public void A_long_list_in_a_comparison_cell_names_its_first_item_and_counts_the_rest(string value, string cell) =>
        Assert.Equal(cell, ComparisonTable.Short(value));

    /// <summary>
    /// A phone shows each column about 150 px wide: a row says what it is in a word and its value without the
    /// value's class (that is one click away), so most rows take one line.
    /// </summary>
    [Theory]
    [InlineData("total parameters", "314B", "Total", "314B")]
    [InlineData("active parameters", "≈86B", "Active", "≈86B")]
    [InlineData("context length", "8,192 tokens", "Context", "8,192 tokens")]
    [InlineData("license", "Apache-2.0 (OSI open source)", "License", "Apache-2.0")]
    [InlineData("announced", "3 Nov 2023", "Announced", "3 Nov 2023")]
    public void A_comparison_row_is_short(string attribute, string value, string label, string cell)
    {
        FactLine Fact(string model) => new($"{model} — {attribute}", value, Confidence.Confirmed, [1]);
        var answer = new Answer(AnswerKind.Facts, "Grok-1 vs Grok-2", null, [Fact("Grok-1"), Fact("Grok-2")], [], []);

        var row = Assert.Single(ComparisonTable.Of(answer)!.Rows);

        Assert.Equal((label, cell, cell), (row.Label, row.Left, row.Right));
    }
}
