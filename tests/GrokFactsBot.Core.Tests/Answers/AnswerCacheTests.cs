using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Tests.Support;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Tests.Answers;

public sealed class AnswerCacheTests : IDisposable
{
    private readonly KnowledgeFixture _kb = new();

    public AnswerCacheTests() => _kb.Import();

    [Fact]
    public void A_repeated_question_from_the_same_audience_gets_the_same_answer_object() =>
        Assert.Same(_kb.Run("params grok-1"), _kb.Run("PARAMS  Grok-1".Replace("  ", " ")));

    [Fact]
    public void Another_server_gets_its_own_answer()
    {
        var here = Caller.Console("t") with { Scope = "discord:1" };
        var there = Caller.Console("t") with { Scope = "discord:2" };
        Assert.NotSame(_kb.Run("params grok-1", here), _kb.Run("params grok-1", there));
    }

    [Fact]
    public void A_write_is_seen_by_the_next_answer()
    {
        var before = _kb.Run("context grok-1");
        Assert.DoesNotContain(before.Facts, f => f.Label == "Context length");
        _kb.Store.Upsert(
            new Claim(
                "newctx",
                "grok-1",
                ModelAttribute.ContextLength,
                ValueParser.ParseStored(ModelAttribute.ContextLength, "8192"),
                Qualifier.Exact,
                "xai-grok-os",
                null,
                Rank.Normal,
                null,
                null,
                "test",
                DateTimeOffset.UnixEpoch,
                Origin.Chat
            )
        );

        var after = _kb.Run("context grok-1");

        Assert.Equal("8,192 tokens", after.Facts.Single(f => f.Label == "Context length").Value);
    }

    [Fact]
    public void Outbox_bookkeeping_in_a_transaction_does_not_throw_answers_away()
    {
        var before = _kb.Run("params grok-1");
        _kb.Store.InTransaction(() =>
            _kb.Store.Database.GetCollection("deliveries_probe").Insert(new LiteDB.BsonDocument { ["at"] = 1 })
        );
        Assert.Same(before, _kb.Run("params grok-1"));
    }

    [Fact]
    public void A_knowledge_write_in_a_transaction_throws_answers_away()
    {
        var before = _kb.Run("params grok-1");
        _kb.Store.InTransaction(() =>
        {
            _kb.Store.Upsert(_kb.Store.FindModel("grok-1")! with { Summary = "changed" });
            return 0;
        });
        Assert.NotSame(before, _kb.Run("params grok-1"));
    }

    public void Dispose() => _kb.Dispose();
}
