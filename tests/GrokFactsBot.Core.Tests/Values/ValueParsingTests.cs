using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Tests.Values;

public class ValueParsingTests
{
    [Theory]
    [InlineData("314B", 314e9, "314B")]
    [InlineData("0.5T", 0.5e12, "0.5T")]
    [InlineData("1.5 trillion", 1.5e12, "1.5T")]
    [InlineData("~270B", 270e9, "≈270B")]
    [InlineData("268 billion", 268e9, "268B")]
    [InlineData("269,515,497,472", 269_515_497_472, "269.515B")]
    [InlineData("141B parameters", 141e9, "141B")]
    public void Parameter_counts_parse_to_their_value_and_display_short(string text, double expected, string display)
    {
        Assert.True(
            ValueParser.TryParse(ModelAttribute.TotalParameters, text, out var value, out var problem),
            problem
        );
        var count = Assert.IsType<ParameterCount>(value);
        Assert.Equal(expected, count.Magnitude.Value, 1e-3 * expected);
        Assert.Equal(display, count.Display);
        Assert.Equal(text, count.Text);
    }

    [Theory]
    [InlineData("~270B", "268B", true)]
    [InlineData("0.5T", "500B", true)]
    [InlineData("314B", "~270B", false)]
    [InlineData("270B", "268B", false)]
    [InlineData("1.5T", "1.5 trillion", true)]
    [InlineData("0.5T", "~1.76T", false)]
    [InlineData("1T", "671B", false)]
    [InlineData("1T", "0.5T", false)]
    [InlineData("1T", "1.04T", true)]
    [InlineData("6T", "~6T", true)]
    public void Parameter_counts_agree_within_their_stated_precision(string a, string b, bool agree)
    {
        var (x, y) = (Parse(ModelAttribute.TotalParameters, a), Parse(ModelAttribute.TotalParameters, b));
        Assert.Equal(agree, x.AgreesWith(y));
        Assert.Equal(agree, y.AgreesWith(x));
    }

    [Theory]
    [InlineData("end of 2026", "2027", false)]
    [InlineData("by end of 2026", "Q4 2026", true)]
    [InlineData("by end of 2026", "2027", false)]
    [InlineData("2025-08-22", "August 2025", true)]
    [InlineData("2025-08-23", "2026-05-04", false)]
    [InlineData("H1 2027", "March 2027", true)]
    [InlineData("H1 2027", "2027-07-01", false)]
    [InlineData("2024", "Q3 2024", true)]
    [InlineData("mid 2026", "June 2026", true)]
    [InlineData("early 2026", "December 2026", false)]
    [InlineData("2024-12-25", "2024-12-26", true)]
    [InlineData("2024-12-31", "2025-01-01", true)]
    [InlineData("2024-12-24", "2024-12-26", false)]
    [InlineData("2024-12-30", "December 2024", true)]
    [InlineData("2025-01-01", "December 2024", false)]
    public void Dates_agree_when_their_spans_overlap_or_two_days_are_one_apart(string a, string b, bool agree)
    {
        var (x, y) = (Parse(ModelAttribute.AnnouncedDate, a), Parse(ModelAttribute.AnnouncedDate, b));
        Assert.Equal(agree, x.AgreesWith(y));
    }

    [Theory]
    [InlineData("2024-03-17", "17 Mar 2024")]
    [InlineData("March 17, 2024", "17 Mar 2024")]
    [InlineData("2024-03", "Mar 2024")]
    [InlineData("Q3 2024", "Q3 2024")]
    [InlineData("2027-H1", "H1 2027")]
    [InlineData("end of 2026", "end of 2026")]
    [InlineData("by end of 2026", "by end of 2026")]
    public void Dates_display_at_their_precision(string text, string display) =>
        Assert.Equal(display, Parse(ModelAttribute.OpenWeightsDate, text).Display);

    [Theory]
    [InlineData("128k", "131072", true)]
    [InlineData("128k", "128000", true)]
    [InlineData("131072", "131,100", false)]
    [InlineData("64K", "65536", true)]
    [InlineData("1M", "1048576", true)]
    public void Context_lengths_read_k_as_either_thousand_or_1024(string a, string b, bool agree) =>
        Assert.Equal(agree, Parse(ModelAttribute.ContextLength, a).AgreesWith(Parse(ModelAttribute.ContextLength, b)));

    [Theory]
    [InlineData("Apache-2.0", "Apache-2.0", LicenseClass.OsiOpenSource)]
    [InlineData("apache 2.0", "Apache-2.0", LicenseClass.OsiOpenSource)]
    [InlineData("MIT", "MIT", LicenseClass.OsiOpenSource)]
    [InlineData(
        "Grok 2 Community License Agreement | restricted | https://huggingface.co/xai-org/grok-2/blob/main/LICENSE",
        "Grok 2 Community License Agreement",
        LicenseClass.OpenWeightsRestricted
    )]
    [InlineData("Proprietary", "Proprietary", LicenseClass.Proprietary)]
    public void Licenses_use_spdx_ids_where_they_exist(string text, string display, LicenseClass licenseClass)
    {
        var license = Assert.IsType<LicenseValue>(Parse(ModelAttribute.License, text));
        Assert.Equal(display, license.Display);
        Assert.Equal(licenseClass, license.Class);
    }

    [Fact]
    public void Apache_and_a_custom_license_disagree() =>
        Assert.False(
            Parse(ModelAttribute.License, "Apache-2.0")
                .AgreesWith(Parse(ModelAttribute.License, "Grok 2 Community License Agreement | restricted"))
        );

    [Theory]
    [InlineData(ModelAttribute.TotalParameters, "lots", "not a parameter count")]
    [InlineData(ModelAttribute.TotalParameters, "314", "has no unit")]
    [InlineData(ModelAttribute.AnnouncedDate, "next year", "is not a date")]
    [InlineData(ModelAttribute.AnnouncedDate, "2024-13-45", "is not a date")]
    [InlineData(ModelAttribute.ContextLength, "big", "not a context length")]
    [InlineData(ModelAttribute.License, "Foo | sortof", "not a license class")]
    [InlineData(ModelAttribute.LargestOpenModel, "maybe", "not yes or no")]
    [InlineData(ModelAttribute.Developer, "", "needs a value")]
    public void Values_that_do_not_parse_say_why(ModelAttribute attribute, string text, string reason)
    {
        Assert.False(ValueParser.TryParse(attribute, text, out _, out var problem));
        Assert.Contains(reason, problem);
        Assert.StartsWith(attribute.Key(), problem);
    }

    [Fact]
    public void Overlong_values_are_refused() =>
        Assert.False(
            ValueParser.TryParse(ModelAttribute.Developer, new string('x', ValueParser.MaxTextLength + 1), out _, out _)
        );

    private static FactValue Parse(ModelAttribute attribute, string text) =>
        ValueParser.TryParse(attribute, text, out var value, out var problem)
            ? value!
            : throw new InvalidOperationException(problem);
}
