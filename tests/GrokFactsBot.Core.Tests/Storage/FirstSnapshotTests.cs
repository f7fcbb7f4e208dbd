using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Storage;

/// <summary>
/// Opening a file reads it once, read-only, and that read is the store's first snapshot: it must hold all the
/// store would have read itself, chat ranks included.
/// </summary>
public sealed class FirstSnapshotTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"grokfacts-{Guid.NewGuid():N}.db");

    [Fact]
    public void A_reopened_file_answers_from_the_snapshot_read_while_it_was_checked_and_it_is_complete()
    {
        string before;
        using (var kb = new KnowledgeFixture(database: LiteDbFactory.OpenFile(_path)))
        {
            Assert.True(kb.Import().Succeeded);
            var license = kb.Store.ClaimsFor("grok-1").First(c => c.Attribute == ModelAttribute.License);
            kb.Store.SetRanking(new ClaimRanking(license.Id, "grok-1", Rank.Deprecated, "wrong", null));
            before = Describe(kb.Store.Snapshot);
        }

        using var database = LiteDbFactory.OpenFile(_path);
        var store = new KnowledgeStore(database);
        var first = store.Snapshot;
        store.MarkChanged();

        Assert.Equal(before, Describe(first));
        Assert.Equal(Describe(store.Snapshot), Describe(first));
        Assert.Contains("grok-1 license ", Describe(first).Split('\n').First(l => l.Contains("Deprecated")));
    }

    [Fact]
    public void A_new_file_has_no_first_snapshot_and_reads_what_was_written()
    {
        using var kb = new KnowledgeFixture(database: LiteDbFactory.OpenFile(_path));
        Assert.Equal(0, kb.Store.Snapshot.ModelCount);
        Assert.True(kb.Import().Succeeded);
        Assert.Equal(4, kb.Store.Snapshot.ModelCount);
    }

    private static string Describe(KnowledgeSnapshot snapshot) =>
        string.Join(
            '\n',
            snapshot
                .AllModels.SelectMany(m =>
                    snapshot
                        .ClaimsWithSources(m.Id)
                        .Select(c => $"{m.Id} {c.Claim.Attribute.ToString().ToLowerInvariant()} {c.Claim.Id} "
                            + $"{c.Claim.Rank} {c.Source.Id} {snapshot.Entry(m.Id)!.Unranked.Count}")
                )
                .Append($"sources {snapshot.Sources.Count}")
        );

    public void Dispose()
    {
        foreach (var file in new[] { _path, DatabaseFileCheck.LogPath(_path), _path + ".lock" })
            File.Delete(file);
    }
}
