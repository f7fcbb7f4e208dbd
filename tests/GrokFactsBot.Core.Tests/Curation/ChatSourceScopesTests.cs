using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Curation;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Tests.Curation;

/// <summary>
/// A database written before sources were scoped: a server admin's <c>fact add</c> stored its source, with the
/// title, publisher and kind that admin typed, in the shared base under the URL's shared id; a promotion kept citing
/// it. Left so, every server and the shared base go on reusing it by URL.
/// </summary>
public sealed class ChatSourceScopesTests
{
    private const string Url = "https://example.com/grok-review";
    private static readonly Caller Owner = Caller.Console("owner");
    private static readonly Caller AdminA = Callers.ServerAdmin(Platform.Discord, "A");

    [Fact]
    public void A_server_admins_source_stored_before_scoping_moves_to_that_server_and_no_one_else_takes_its_word()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run($"fact add grok-1 context_length 8192 {Url} publisher:TypedByA title:ServerATitle kind:primary", AdminA);
        bed.Run($"fact add grok-1 announced 2023-11-03 {Url}", AdminA);
        StoreAsBeforeScoping(bed);
        // Today's code, on such a file, still lets server B's fact cite A's source.
        bed.Run($"fact add grok-1 license Apache-2.0 {Url}", Callers.ServerAdmin(Platform.Slack, "B"));

        var moved = ChatSourceScopes.Migrate(bed.Store, bed.Get<CurationLog>(), bed.Clock.GetUtcNow());
        bed.Run($"fact add grok-1 open_weights_released 2024-03-17 {Url}", Owner);

        Assert.Contains("TypedByA", Publishers(bed, Callers.Member(Platform.Discord, "A")));
        foreach (var elsewhere in new[] { Callers.Member(Platform.Slack, "B"), Callers.Member(Platform.Discord, "C") })
            Assert.DoesNotContain("TypedByA", Publishers(bed, elsewhere));
        var shared = bed.Store.ClaimsFor("grok-1")
            .Where(c => c.Origin == Origin.Chat && c.Scope is null)
            .Select(c => bed.Store.FindSource(c.SourceId)!)
            .ToList();
        Assert.Equal(2, shared.Count);
        Assert.All(shared, s => Assert.Equal((null, SourceKind.Secondary), (s.Scope, s.Kind)));
        Assert.All(shared, s => Assert.NotEqual("TypedByA", s.Publisher));
        Assert.Equal([FactCuration.SourceId(Url, null)], moved);
    }

    [Fact]
    public void Moving_old_sources_twice_changes_nothing_and_a_global_admins_source_stays_shared()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run($"fact add grok-1 license MIT {Url} publisher:TypedByOwner", Owner);
        bed.Run($"fact add grok-1 context_length 8192 https://example.com/other publisher:TypedByA", AdminA);
        StoreAsBeforeScoping(bed);
        ChatSourceScopes.Migrate(bed.Store, bed.Get<CurationLog>(), bed.Clock.GetUtcNow());
        var sources = bed.Store.AllSources().OrderBy(s => s.Id).ToList();
        var claims = bed.Store.AllStoredClaims().OrderBy(c => c.Id).ToList();

        var again = ChatSourceScopes.Migrate(bed.Store, bed.Get<CurationLog>(), bed.Clock.GetUtcNow());

        Assert.Empty(again);
        Assert.Equal(sources, bed.Store.AllSources().OrderBy(s => s.Id));
        Assert.Equal(claims, bed.Store.AllStoredClaims().OrderBy(c => c.Id));
        var ownerSource = bed.Store.FindSource(FactCuration.SourceId(Url, null))!;
        Assert.Equal((null, "TypedByOwner"), (ownerSource.Scope, ownerSource.Publisher));
    }

    private static IEnumerable<string> Publishers(CurationBed bed, Caller caller) =>
        bed.Run("sources grok-1", caller).Citations.Select(c => c.Publisher);

    /// <summary>
    /// Rewrites the chat rows as the code before scoping stored them: every chat source under the URL's shared id and
    /// without a scope, and the second claim of server A promoted by keeping its source.
    /// </summary>
    private static void StoreAsBeforeScoping(CurationBed bed)
    {
        var store = bed.Store;
        foreach (var source in store.SourcesOwnedBy(Origin.Chat).Where(s => s.Scope is not null))
        {
            var old = source with { Id = FactCuration.SourceId(source.Url, null), Scope = null };
            store.Upsert(old);
            store.DeleteSource(source.Id);
            foreach (var claim in store.ClaimsOwnedBy(Origin.Chat).Where(c => c.SourceId == source.Id))
                store.Upsert(claim with { SourceId = old.Id });
        }
        if (store.ClaimsOwnedBy(Origin.Chat).FirstOrDefault(c => c.Attribute == ModelAttribute.AnnouncedDate) is { } second)
            store.Upsert(second with { Scope = null });
    }
}
