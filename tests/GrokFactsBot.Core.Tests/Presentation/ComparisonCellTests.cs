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
}
