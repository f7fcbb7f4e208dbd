using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Tests.Curation;

public sealed class FactCurationTests
{
    private static readonly Caller Owner = Caller.Console("owner");

    [Fact]
    public void An_unknown_developer_lists_only_the_developers_this_place_can_see()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run("catalog add Secret-1 HiddenLabA", Callers.ServerAdmin(Platform.Discord, "A"));

        var elsewhere = bed.Run("models developer:nobody", Callers.Member(Platform.Discord, "B"));
        var home = bed.Run("models developer:nobody", Callers.Member(Platform.Discord, "A"));

        Assert.Equal(AnswerKind.NotFound, elsewhere.Kind);
        Assert.DoesNotContain("HiddenLabA", elsewhere.Headline ?? "", StringComparison.Ordinal);
        Assert.Contains("HiddenLabA", home.Headline ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_a_server_admin_created_is_that_servers_alone_and_the_shared_base_never_takes_its_word()
    {
        using var bed = new CurationBed();
        bed.Import();
        const string Url = "https://example.com/grok-review";
        bed.Run(
            $"fact add grok-1 context_length 8192 {Url} publisher:TypedByA title:ServerATitle kind:primary",
            Callers.ServerAdmin(Platform.Discord, "A")
        );
        bed.Run($"fact add grok-1 license MIT {Url}", Owner);
        bed.Run($"fact add grok-1 announced 2024-03-17 {Url}", Callers.ServerAdmin(Platform.Slack, "B"));

        Source SourceOf(ModelAttribute attribute) =>
            bed.Store.FindSource(
                bed.Store.ClaimsFor("grok-1").Single(c => c.Attribute == attribute && c.Origin == Origin.Chat).SourceId
            )!;
        var local = SourceOf(ModelAttribute.ContextLength);
        Assert.Equal(("TypedByA", SourceKind.Primary), (local.Publisher, local.Kind));
        Assert.NotNull(local.Scope);
        foreach (var attribute in new[] { ModelAttribute.License, ModelAttribute.AnnouncedDate })
        {
            var other = SourceOf(attribute);
            Assert.NotEqual(local.Id, other.Id);
            Assert.DoesNotContain("TypedByA", other.Publisher, StringComparison.Ordinal);
            Assert.NotEqual(SourceKind.Primary, other.Kind);
        }
        Assert.DoesNotContain(
            "TypedByA",
            string.Join("\n", bed.Run("sources grok-1", Callers.Member(Platform.Discord, "C")).Citations.Select(c => c.Publisher)),
            StringComparison.Ordinal
        );

        var claim = bed.Store.ClaimsFor("grok-1").Single(c => c.Origin == Origin.Chat && c.Scope is not null && c.Attribute == ModelAttribute.ContextLength);
        bed.Run($"fact promote {claim.Id}", Owner);
        var promoted = SourceOf(ModelAttribute.ContextLength);
        Assert.Null(promoted.Scope);
        Assert.NotEqual("TypedByA", promoted.Publisher);
        Assert.NotEqual(SourceKind.Primary, promoted.Kind);
    }

    [Fact]
    public void A_servers_local_fact_never_shows_in_another_server()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run(
            "fact add grok-1 context_length 8192 https://x.ai/blog/grok",
            Callers.ServerAdmin(Platform.Discord, "A")
        );
        var local = bed.Store.ClaimsFor("grok-1").Single(c => c.Attribute == ModelAttribute.ContextLength);

        foreach (
            var elsewhere in new[]
            {
                Callers.Member(Platform.Discord, "B"),
                Callers.ServerAdmin(Platform.Slack, "A"),
                Owner,
            }
        )
        {
            Assert.DoesNotContain(bed.Run("context grok-1", elsewhere).Facts, f => f.Label == "Context length");
            Assert.DoesNotContain(
                bed.Run("sources grok-1", elsewhere).Facts,
                f => f.Label.StartsWith(local.Id, StringComparison.Ordinal)
            );
            Assert.Equal(
                AnswerKind.NotFound,
                bed.Run($"fact dispute {local.Id} wrong", Callers.ServerAdmin(elsewhere.Platform, "B")).Kind
            );
        }
        var home = Assert.Single(
            bed.Run("context grok-1", Callers.Member(Platform.Discord, "A")).Facts,
            f => f.Label == "Context length"
        );
        Assert.NotNull(home.ScopeLabel);
    }

    [Fact]
    public void Injection_attempts_are_stored_and_answered_verbatim()
    {
        using var bed = new CurationBed();
        bed.Import();
        const string quote = "@everyone <!channel> [click](https://evil.example) **now** `x` <@&123>";
        const string reason = "<!here> ||spoiler|| @here";

        bed.Run(
            $"fact add grok-1 architecture \"MoE @everyone\" https://x.ai/a \"{quote}\" publisher:\"<!channel> Inc\"",
            Owner
        );
        var claim = bed.Store.ClaimsFor("grok-1").Single(c => c.Attribute == ModelAttribute.Architecture);
        bed.Run($"fact dispute {claim.Id} {reason}", Owner);

        var stored = bed.Store.FindClaim(claim.Id)!;
        Assert.Equal(quote, stored.Quote);
        Assert.Equal("MoE @everyone", stored.Value.Text);
        Assert.Equal(reason, stored.DisputeReason);
        Assert.Equal("<!channel> Inc", bed.Store.FindSource(stored.SourceId)!.Publisher);
        var line = Assert.Single(bed.Run("params grok-1", Owner).Facts, f => f.Label == "Architecture");
        Assert.Contains(reason, line.Dispute!.Summary);
    }

    [Theory]
    [InlineData("fact add grok-1 license MIT javascript:alert(1)", "not a web address")]
    [InlineData("fact add grok-1 license MIT ftp://x.ai/file", "not a web address")]
    [InlineData("fact add grok-1 license MIT https://user:pw@x.ai/", "user name or password")]
    [InlineData("fact add grok-1 total_parameters lots https://x.ai/", "total_parameters")]
    [InlineData("fact add grok-1 colour blue https://x.ai/", "is not an attribute")]
    [InlineData("fact add grok-1 license MIT https://x.ai/ qualifier:sure", "qualifier 'sure'")]
    [InlineData("fact add nosuchmodel license MIT https://x.ai/", "not in the knowledge base")]
    [InlineData(
        "fact add grok-1 license MIT https://x.ai/ \"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix\"",
        "more than 25 words"
    )]
    public void Bad_input_is_refused_with_the_reason_and_nothing_is_written(string line, string reason)
    {
        using var bed = new CurationBed();
        bed.Import();
        var before = bed.Store.ClaimsFor("grok-1").Count;

        var reply = bed.Run(line, Owner);

        Assert.True(reply.IsPrivate, reply.Kind.ToString());
        Assert.Contains(reason, reply.Headline);
        Assert.Equal(before, bed.Store.ClaimsFor("grok-1").Count);
        Assert.Equal(0, bed.Outbox.LastSeq);
    }

    [Fact]
    public void The_reply_shows_the_dispute_a_new_claim_creates_and_reuses_a_known_source()
    {
        using var bed = new CurationBed();
        bed.Import();

        var reply = bed.Run("fact add grok-1 total_parameters 330B https://x.ai/news/grok-os kind:primary", Owner);

        var line = Assert.Single(reply.Facts, f => f.Label == "Total parameters");
        Assert.NotNull(line.Dispute);
        Assert.Contains(reply.Notes, n => n.Contains("Source reused: xAI", StringComparison.Ordinal));
        var added = bed.Store.ClaimsFor("grok-1").Single(c => c.Origin == Origin.Chat);
        Assert.Equal("xai-grok-os", added.SourceId);
        Assert.Contains(line.Dispute!.Sides.SelectMany(s => s.Claims), c => c.ClaimId == added.Id);
    }

    [Fact]
    public void A_new_source_takes_its_publisher_and_title_from_the_address()
    {
        using var bed = new CurationBed();
        bed.Import();

        bed.Run("fact add grok-1 context_length 8k https://www.example.com/grok/specs/", Owner);

        var claim = bed.Store.ClaimsFor("grok-1").Single(c => c.Origin == Origin.Chat);
        var source = bed.Store.FindSource(claim.SourceId)!;
        Assert.Equal(
            ("example.com", "example.com/grok/specs", SourceKind.Secondary),
            (source.Publisher, source.Title, source.Kind)
        );
        Assert.Equal(6, claim.Id.Length);
    }

    [Fact]
    public void Retract_keeps_the_claim_and_history_says_who_where_when_before_and_after()
    {
        using var bed = new CurationBed();
        bed.Import();
        var claim = bed.Store.ClaimsFor("grok-1").First(c => c.Attribute == ModelAttribute.License);
        var admin = Callers.GlobalAdmin(Platform.Slack, "T1");

        bed.Run($"fact retract {claim.Id} superseded by the repo license", admin);
        var history = bed.Run("fact history grok-1", admin);

        Assert.Contains(
            bed.Run("sources grok-1", admin).Facts,
            f =>
                f.Label.StartsWith(claim.Id, StringComparison.Ordinal)
                && f.Value.Contains("retracted: superseded", StringComparison.Ordinal)
        );
        var entry = Assert.Single(history.Facts);
        Assert.Contains($"retract {claim.Id}", entry.Label);
        Assert.Contains("rank normal → License", entry.Value);
        Assert.EndsWith("rank deprecated", entry.Value, StringComparison.Ordinal);
        Assert.Contains("slack:T1/admin", entry.Note);
        Assert.Contains("slack slack:T1 #T1-general", entry.Note);
        Assert.Contains("superseded by the repo license", entry.Note);
    }

    [Fact]
    public void Prefer_leads_with_the_claim_and_demotes_the_previous_preferred_one()
    {
        using var bed = new CurationBed();
        bed.Import();
        var sizes = bed.Store.ClaimsFor("grok-2").Where(c => c.Attribute == ModelAttribute.TotalParameters).ToList();
        var first = sizes.First(c => c.Value.Text == "268B");
        var second = sizes.First(c => c.Value.Text == "314B");

        bed.Run($"fact prefer {first.Id} the config file counts it", Owner);
        var reply = bed.Run($"fact prefer {second.Id} on reflection", Owner);

        Assert.Equal(Rank.Normal, bed.Store.FindClaim(first.Id)!.Rank);
        Assert.Equal(Rank.Preferred, bed.Store.FindClaim(second.Id)!.Rank);
        Assert.Equal("314B", Assert.Single(reply.Facts, f => f.Label == "Total parameters").Value);
    }
}
