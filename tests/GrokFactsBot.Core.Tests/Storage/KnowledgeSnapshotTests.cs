using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Tests.Storage;

public sealed class KnowledgeSnapshotTests : IDisposable
{
    private readonly KnowledgeFixture _kb = new();

    public KnowledgeSnapshotTests() => _kb.Import();

    private static Claim ContextClaim(string id, string model = "grok-1") =>
        new(
            id,
            model,
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
        );

    [Fact]
    public void Repeated_reads_between_writes_see_the_same_snapshot() =>
        Assert.Same(_kb.Store.Snapshot, _kb.Store.Snapshot);

    [Fact]
    public void A_write_is_seen_by_the_next_answer()
    {
        var before = _kb.Run("context grok-1");
        Assert.DoesNotContain(before.Facts, f => f.Label == "Context length");
        _kb.Store.Upsert(ContextClaim("newctx"));

        var after = _kb.Run("context grok-1");

        Assert.Equal("8,192 tokens", after.Facts.Single(f => f.Label == "Context length").Value);
    }

    [Fact]
    public void A_fact_added_to_one_model_leaves_the_others_and_the_name_index_as_they_were()
    {
        var before = _kb.Store.Snapshot;
        _kb.Store.Upsert(ContextClaim("newctx"));
        var after = _kb.Store.Snapshot;

        Assert.NotSame(before, after);
        Assert.Same(before.Names, after.Names);
        Assert.Same(before.Entry("grok-2"), after.Entry("grok-2"));
        Assert.NotSame(before.Entry("grok-1"), after.Entry("grok-1"));
    }

    [Fact]
    public void A_renamed_model_is_found_by_its_new_alias()
    {
        _kb.Store.Upsert(_kb.Store.FindModel("grok-1")! with { Aliases = ["first grok"] });
        Assert.Equal("Grok-1", _kb.Run("params first grok").Title.Split(':')[0]);
    }

    [Fact]
    public void Outbox_bookkeeping_in_a_transaction_publishes_no_new_snapshot()
    {
        var before = _kb.Store.Snapshot;
        _kb.Store.InTransaction(() =>
            _kb.Store.Database.GetCollection("deliveries_probe").Insert(new LiteDB.BsonDocument { ["at"] = 1 })
        );
        Assert.Same(before, _kb.Store.Snapshot);
    }

    [Fact]
    public void A_transaction_sees_its_own_writes_and_others_see_them_only_after_it_commits()
    {
        var published = _kb.Store.Snapshot;
        KnowledgeSnapshot? inside = null;
        KnowledgeSnapshot? otherThread = null;
        _kb.Store.InTransaction(() =>
        {
            _kb.Store.Upsert(ContextClaim("txctx"));
            inside = _kb.Store.Snapshot;
            // A thread of its own: a task could be run inline on this one.
            var reader = new Thread(() => otherThread = _kb.Store.Snapshot);
            reader.Start();
            reader.Join();
            return 0;
        });

        Assert.Contains(inside!.ClaimsWithSources("grok-1"), c => c.Claim.Id == "txctx");
        Assert.Same(published, otherThread);
        Assert.Contains(_kb.Store.Snapshot.ClaimsWithSources("grok-1"), c => c.Claim.Id == "txctx");
    }

    [Fact]
    public void A_rolled_back_transaction_leaves_the_snapshot_as_it_was()
    {
        var before = _kb.Store.Snapshot;
        Assert.Throws<InvalidOperationException>(() =>
            _kb.Store.InTransaction<int>(() =>
            {
                _kb.Store.Upsert(ContextClaim("rolledback"));
                _ = _kb.Store.Snapshot;
                throw new InvalidOperationException("abandon");
            })
        );
        Assert.Same(before, _kb.Store.Snapshot);
        Assert.DoesNotContain(_kb.Store.Snapshot.ClaimsWithSources("grok-1"), c => c.Claim.Id == "rolledback");
    }

    [Fact]
    public void Answers_are_read_from_the_snapshot_not_the_database()
    {
        _ = _kb.Store.Snapshot;
        // Behind the store's back: an answer built from LiteDB would see it.
        _kb.Store.Database.GetCollection("claims").DeleteAll();
        Assert.Equal("314B total", _kb.Run("params grok-1").Lead!.Answer.Split(": ")[1]);
    }

    private static readonly ReferenceEqualityComparer ByReference = ReferenceEqualityComparer.Instance;

    [Fact]
    public void A_snapshot_keeps_one_copy_of_what_its_claims_repeat()
    {
        var snapshot = _kb.Store.Snapshot;
        var claims = snapshot.AllModels.SelectMany(m => snapshot.ClaimsWithSources(m.Id)).ToList();

        Assert.All(claims, c => Assert.Same(snapshot.FindModel(c.Claim.ModelId)!.Id, c.Claim.ModelId));
        Assert.All(claims, c => Assert.Same(c.Source.Id, c.Claim.SourceId));
        var fromOneFile = claims.GroupBy(c => c.Claim.Origin).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(fromOneFile);
        Assert.All(fromOneFile, g => Assert.Single(g.Select(c => c.Claim.Origin).Distinct(ByReference)));
        var sameValue = claims
            .GroupBy(c => (c.Claim.Attribute.Kind(), c.Claim.Value.Text))
            .Where(g => g.Count() > 1)
            .ToList();
        Assert.NotEmpty(sameValue);
        Assert.All(sameValue, g => Assert.Single(g.Select(c => c.Claim.Value).Distinct(ByReference)));
    }

    public void Dispose() => _kb.Dispose();
}
