using GrokFactsBot.Core.Tests.Support;
using LiteDB;

namespace GrokFactsBot.Core.Tests.Storage;

/// <summary>The answer path's lookups go through indexes, never a full scan.</summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly KnowledgeFixture _kb = new();

    public QueryPlanTests() => _kb.Import();

    [Theory]
    [InlineData("SELECT $ FROM models WHERE $.nameKeys[*] ANY = 'grok1'", "nameKeys")]
    [InlineData("SELECT $ FROM claims WHERE $.modelId = 'grok-1'", "modelId")]
    [InlineData("SELECT $ FROM sources WHERE $.url = 'https://x.ai/news/grok-os'", "url")]
    [InlineData("SELECT $ FROM sources WHERE _id = 'xai-grok-os'", "_id")]
    public void Lookups_use_their_index(string query, string index)
    {
        var plan = _kb.Store.Database.Execute("EXPLAIN " + query).ToEnumerable().Single().AsDocument;
        Assert.Equal(index, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL SCAN", plan["index"]["expr"].AsString.ToUpperInvariant());
    }

    public void Dispose() => _kb.Dispose();
}
