using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Tests.Answers;

public class FactAnalysisTests
{
    private static int _next;

    [Fact]
    public void Agreeing_claims_are_one_side_and_not_a_dispute()
    {
        var fact = Analyse(Claim("~270B", SourceKind.Commentary), Claim("268B", SourceKind.Secondary));
        Assert.False(fact.IsDisputed);
        Assert.Equal(Confidence.Likely, fact.Confidence);
    }

    [Fact]
    public void A_primary_source_outranks_a_secondary_one()
    {
        var fact = Analyse(Claim("314B", SourceKind.Secondary), Claim("~270B", SourceKind.Primary));
        Assert.True(fact.IsDisputed);
        Assert.Equal("~270B", fact.Lead!.Best.Value.Text);
        Assert.Equal(Confidence.Confirmed, fact.Confidence);
    }

    [Fact]
    public void A_secondary_source_outranks_commentary()
    {
        var fact = Analyse(Claim("314B", SourceKind.Commentary), Claim("~270B", SourceKind.Secondary));
        Assert.Equal("~270B", fact.Lead!.Best.Value.Text);
    }

    [Fact]
    public void Equally_sourced_sides_have_no_winner()
    {
        var fact = Analyse(Claim("314B", SourceKind.Commentary), Claim("~270B", SourceKind.Commentary));
        Assert.Null(fact.Lead);
        Assert.Equal(Confidence.Disputed, fact.Confidence);
    }

    [Fact]
    public void A_preferred_claim_leads_even_against_a_primary_source()
    {
        var fact = Analyse(Claim("314B", SourceKind.Primary), Claim("~270B", SourceKind.Commentary, Rank.Preferred));
        Assert.Equal("~270B", fact.Lead!.Best.Value.Text);
    }

    [Fact]
    public void A_deprecated_claim_takes_no_part()
    {
        var fact = Analyse(Claim("314B", SourceKind.Primary, Rank.Deprecated), Claim("~270B", SourceKind.Commentary));
        Assert.False(fact.IsDisputed);
        Assert.Equal(Confidence.Speculative, fact.Confidence);
    }

    [Fact]
    public void A_rumour_is_speculative_even_from_a_good_source()
    {
        var fact = Analyse(Claim("~1.76T", SourceKind.Secondary, basis: Basis.Rumour));
        Assert.Equal(Confidence.Speculative, fact.Confidence);
    }

    [Fact]
    public void A_ceo_post_is_claimed_not_confirmed()
    {
        var fact = Analyse(Claim("2.1T", SourceKind.Primary, sourceBasis: Basis.Statement));
        Assert.Equal(Confidence.Claimed, fact.Confidence);
    }

    [Fact]
    public void A_model_card_outranks_a_ceo_post_of_the_same_value()
    {
        var fact = Analyse(
            Claim("314B", SourceKind.Primary, sourceBasis: Basis.Statement),
            Claim("314B", SourceKind.Primary)
        );
        Assert.Equal(Confidence.Confirmed, fact.Confidence);
    }

    [Fact]
    public void No_claims_is_unknown() => Assert.Equal(Confidence.Unknown, Analyse().Confidence);

    private static FactAnalysis Analyse(params (Claim, Source)[] claims) =>
        FactAnalysis.Of(ModelAttribute.TotalParameters, claims);

    private static (Claim, Source) Claim(
        string value,
        SourceKind kind,
        Rank rank = Rank.Normal,
        Qualifier qualifier = Qualifier.Exact,
        Basis? basis = null,
        Basis? sourceBasis = null
    )
    {
        var id = $"s{Interlocked.Increment(ref _next)}";
        var source = new Source(id, "https://example.org/" + id, "t", "p" + id, null, null, kind, Origin.Chat, sourceBasis);
        var claim = new Claim(
            "c" + id,
            "m",
            ModelAttribute.TotalParameters,
            ValueParser.ParseStored(ModelAttribute.TotalParameters, value),
            qualifier,
            id,
            null,
            rank,
            rank == Rank.Normal ? null : "because",
            null,
            "test",
            DateTimeOffset.UnixEpoch,
            Origin.Chat,
            Basis: basis
        );
        return (claim, source);
    }
}
