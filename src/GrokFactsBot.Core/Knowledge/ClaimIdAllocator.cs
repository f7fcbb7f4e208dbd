using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// Six-character ids are short enough to type and, across tens of thousands of claims, occasionally collide. Two
/// different claims that hash alike get the next id in a fixed order (files by path, claims in file order), and a
/// file claim never takes the id of a claim this import does not rewrite (an admin's from chat, a dataset's when the
/// datasets are unchanged), so an import can never overwrite one.
/// </summary>
internal static class ClaimIdAllocator
{
    public static void Assign(IReadOnlyList<ParsedFile> files, IReadOnlyDictionary<string, Origin> stored)
    {
        var taken = new Dictionary<string, string>();
        var parsed = files.Select(f => f.Origin).ToHashSet();
        foreach (var file in files)
        {
            for (var i = 0; i < file.Claims.Count; i++)
            {
                var claim = file.Claims[i].Item;
                var key = ClaimIds.FileKey(claim.ModelId, claim.Attribute, claim.SourceId, claim.Value.Text);
                var id = claim.Id;
                for (var attempt = 1; IsTakenByAnother(id, key, taken, stored, parsed); attempt++)
                    id = ClaimIds.ForFile(claim.ModelId, claim.Attribute, claim.SourceId, claim.Value.Text, attempt);
                // The same key twice keeps one id, so the validator reports the duplicate where it stands.
                taken.TryAdd(id, key);
                if (id != claim.Id)
                    file.Claims[i] = file.Claims[i] with { Item = claim with { Id = id } };
            }
        }
    }

    private static bool IsTakenByAnother(
        string id,
        string key,
        Dictionary<string, string> taken,
        IReadOnlyDictionary<string, Origin> stored,
        HashSet<Origin> parsed
    ) =>
        (taken.TryGetValue(id, out var owner) && owner != key)
        || (stored.TryGetValue(id, out var origin) && !parsed.Contains(origin));
}
