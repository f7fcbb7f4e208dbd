using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Tests.Answers;

/// <summary>An attribute's name inside a sentence is lower case, but an acronym stays one ("API available").</summary>
public sealed class LabelInTextTests
{
    [Theory]
    [InlineData(ModelAttribute.ApiAvailabilityDate, "API available")]
    [InlineData(ModelAttribute.TotalParameters, "total parameters")]
    [InlineData(ModelAttribute.OpenWeightsDate, "open weights released")]
    [InlineData(ModelAttribute.Experts, "experts (total / active)")]
    public void An_attribute_reads_right_inside_a_sentence(ModelAttribute attribute, string expected) =>
        Assert.Equal(expected, attribute.LabelInText());
}
