using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Tests.Support;
using GrokFactsBot.Core.Values;
using LiteDB;

namespace GrokFactsBot.Core.Tests.Answers;

/// <summary>"as of &lt;date&gt;": what the knowledge base held on that day, claims and ranks alike.</summary>
public sealed class AsOfTests : IDisposable
{
    private readonly KnowledgeFixture _kb = new(clock: FixedClock.December2026);

    public AsOfTests()
    {
        Assert.True(_kb.Import().Succeeded);
        _kb.Store.Upsert(
            new Claim(
                "ctx001",
                "grok-1",
                ModelAttribute.ContextLength,
                ValueParser.ParseStored(ModelAttribute.ContextLength, "8192"),
                Qualifier.Exact,
                "xai-grok-os",
                null,
                Rank.Normal,
                null,
                null,
                "admin",
                new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero),
                Origin.Chat
            )
        );
    }

    [Fact]
    public void A_claim_added_from_chat_is_known_from_the_day_it_was_added()
    {
        Assert.DoesNotContain(_kb.Run("context grok-1 as of 2026-05-31").Facts, f => f.Label == "Context length");
        var after = _kb.Run("context grok-1 as of 2026-06-01");
        Assert.Equal("8,192 tokens", after.Facts.Single(f => f.Label == "Context length").Value);
        Assert.Equal("Grok-1: context length (as of 1 Jun 2026)", after.Title);
    }

    [Fact]
    public void A_file_claim_is_known_from_when_its_source_was_published()
    {
        Assert.DoesNotContain("314B", _kb.Run("params grok-1 as of 2024-03-16").Lead!.Answer);
        Assert.Contains("314B", _kb.Run("params grok-1 as of March 2024").Lead!.Answer);
    }

    [Fact]
    public void A_retraction_counts_from_when_the_curation_log_says_it_was_made()
    {
        var license = _kb.Store.ClaimsFor("grok-1").Single(c => c.Attribute == ModelAttribute.License);
        _kb.Store.Database.GetCollection("curation_log", BsonAutoId.Int64)
            .Insert(
                new BsonDocument
                {
                    ["modelId"] = "grok-1",
                    ["claimId"] = license.Id,
                    ["action"] = "retract",
                    ["reason"] = "wrong",
                    ["at"] = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc),
                }
            );
        _kb.Store.SetRanking(new ClaimRanking(license.Id, "grok-1", Rank.Deprecated, "wrong", null));

        Assert.DoesNotContain(_kb.Run("license grok-1").Facts, f => f.Label == "License");
        Assert.Equal("Apache-2.0", _kb.Run("license grok-1 as of 2026-08-31").Facts.Single(f => f.Label == "License").Value.Split(' ')[0]);
    }

    [Fact]
    public void A_question_about_what_was_known_in_a_month_answers_as_of_its_last_day() =>
        Assert.Contains("30 Jun 2026", _kb.Run("what did we know about grok-1 in June?").Title);

    public void Dispose() => _kb.Dispose();
}
