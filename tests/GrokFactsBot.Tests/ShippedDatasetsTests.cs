using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>
/// The knowledge and dataset snapshots exactly as the bot ships them, imported into a real LiteDB file: the one test
/// that pays for the whole import, so the host tests can run on the small test knowledge.
/// </summary>
public sealed class ShippedDatasetsTests(ShippedKnowledgeBase shipped) : IClassFixture<ShippedKnowledgeBase>
{
    private readonly KnowledgeStore _store = shipped.Store;
    private readonly ImportResult _result = shipped.Result;

    [Fact]
    public void Over_a_thousand_models_each_answering_to_its_own_names_every_value_sourced_and_credited()
    {
        Assert.True(_result.Succeeded, string.Join("\n", _result.Problems.Take(20)));
        var models = _store.AllModels();
        Assert.True(models.Count > 1000, $"{models.Count} models");
        var shared = models
            .SelectMany(m =>
                m.Aliases.Append(m.Name)
                    .Append(m.Id)
                    .Select(Names.Key)
                    .Where(k => k.Length > 0)
                    .Distinct()
                    .Select(k => (Key: k, m.Id))
            )
            .GroupBy(k => k.Key)
            .Where(g => g.Select(x => x.Id).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.Empty(shared);
        var sources = _store.AllSources().ToDictionary(s => s.Id);
        var ids = models.Select(m => m.Id).ToHashSet();
        foreach (var claim in _store.AllStoredClaims())
        {
            Assert.Contains(claim.ModelId, ids);
            var source = sources[claim.SourceId];
            if (source.Publisher is "Epoch AI" or "LLM-Stats")
                Assert.Equal($"Data: {source.Publisher}, CC BY 4.0", source.Attribution);
        }
    }

    [Fact]
    public void Rows_join_the_curated_models_and_a_smaller_sibling_never_joins_a_larger_one()
    {
        Assert.Contains(_store.ClaimsWithSources("grok-1"), c => c.Source.Publisher == "Epoch AI");
        var llama = _store.ClaimsWithSources("llama-3.1-405b");
        Assert.Contains(llama, c => c.Source.Publisher == "LLM-Stats");
        Assert.DoesNotContain(
            llama,
            c => c.Claim.Attribute == ModelAttribute.TotalParameters && c.Claim.Value.Text != "405B"
        );
    }

    [Fact]
    public void A_second_start_with_unchanged_files_writes_nothing()
    {
        var version = _store.Version;
        var again = new KnowledgeImporter(_store, TimeProvider.System).Import(TestPaths.ShippedKnowledge);
        Assert.True(again.Succeeded);
        Assert.Empty(again.FilesChanged);
        Assert.Equal(version, _store.Version);
    }
}

/// <summary>One import of the shipped knowledge, shared by the tests that read it.</summary>
public sealed class ShippedKnowledgeBase : IDisposable
{
    private readonly TempFolder _temp = new("grokfacts-shipped-");
    private readonly LiteDB.LiteDatabase _database;

    public ShippedKnowledgeBase()
    {
        _database = LiteDbFactory.OpenFile(_temp.Combine("grokfacts.db"));
        Store = new KnowledgeStore(_database);
        Result = new KnowledgeImporter(Store, TimeProvider.System).Import(TestPaths.ShippedKnowledge);
    }

    public KnowledgeStore Store { get; }

    public ImportResult Result { get; }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }
}
