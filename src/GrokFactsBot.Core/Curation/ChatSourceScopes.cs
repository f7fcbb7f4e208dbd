using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Curation;

/// <summary>
/// Brings sources created from chat before sources were scoped up to date. Then a server admin's <c>fact add</c>
/// stored its source in the shared base: every server and the shared base reused it by URL, showing that admin's
/// title and publisher and weighing a shared claim by the kind that admin typed. Such a source was made by the first
/// <c>fact add</c> citing it (in the curation log's order); when that was a server's, the source moves to that
/// server, under the id that server's own source of the URL gets now, and the claims citing it follow: that
/// server's to the moved source, another server's to its own source made from the address alone, a shared
/// (promoted) claim to the shared source <see cref="FactCuration"/> gives a promoted claim. A chat source first cited
/// by a global admin's claim stays shared. Running it again changes nothing: no shared chat source is left whose
/// first claim was a server's.
/// </summary>
public static class ChatSourceScopes
{
    /// <summary>Moves each such source, all in one transaction; returns the ids of the sources it moved.</summary>
    public static IReadOnlyList<string> Migrate(KnowledgeStore store, CurationLog log, DateTimeOffset now)
    {
        var unscoped = store.SourcesOwnedBy(Origin.Chat).Where(s => s.Scope is null).ToDictionary(s => s.Id);
        if (unscoped.Count == 0)
            return [];
        var claims = store.ClaimsOwnedBy(Origin.Chat).ToDictionary(c => c.Id);
        var firstScope = new Dictionary<string, string?>();
        foreach (var (claimId, scope) in log.Additions())
            if (claims.TryGetValue(claimId, out var claim) && unscoped.ContainsKey(claim.SourceId))
                firstScope.TryAdd(claim.SourceId, scope);
        var moving = firstScope.Where(f => f.Value is not null).Select(f => (unscoped[f.Key], f.Value!)).ToList();
        if (moving.Count == 0)
            return [];
        var citing = claims.Values.ToLookup(c => c.SourceId);
        return store.InTransaction(() =>
            moving.Select(m => Move(store, m.Item1, m.Item2, citing[m.Item1.Id], now)).ToList()
        );
    }

    private static string Move(
        KnowledgeStore store,
        Source old,
        string owner,
        IEnumerable<Claim> claims,
        DateTimeOffset now
    )
    {
        var moved = old with { Id = FactCuration.SourceId(old.Url, owner), Scope = owner };
        store.Upsert(moved);
        store.DeleteSource(old.Id);
        foreach (var claim in claims)
        {
            var source =
                claim.Scope == owner ? moved
                : claim.Scope is null ? FactCuration.SharedSourceFor(store, moved, now)
                : store.FindSource(FactCuration.SourceId(old.Url, claim.Scope))
                    ?? FactCuration.AddressSource(store, old.Url, claim.Scope, now);
            store.Upsert(claim with { SourceId = source.Id });
        }
        return old.Id;
    }
}
