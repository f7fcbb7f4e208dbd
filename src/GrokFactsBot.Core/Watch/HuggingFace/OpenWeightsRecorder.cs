using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Watch.HuggingFace;

/// <summary>What one newly seen repo added: the model it went to, the claims, and the update (none if nothing new).</summary>
public sealed record RecordedRepo(string RepoId, Model Model, bool IsNewModel, IReadOnlyList<Claim> Claims, long? UpdateSeq);

/// <summary>
/// Records a repo that appeared in a lab's organisation: the weights' location, the date they went public, the
/// parameter count counted from the safetensors and the licence tag, each cited to the repo page (the lab speaking,
/// so a primary source; each claim's basis says how the page knows). The claims, the repo marked seen and the one
/// release update are a single LiteDB transaction.
/// </summary>
public sealed class OpenWeightsRecorder(
    KnowledgeStore store,
    UpdateRaiser updates,
    UpdateOutbox outbox,
    WatchState state,
    TimeProvider clock
)
{
    public static readonly Origin Origin = new("watch", "huggingface");

    /// <param name="publicSince">When the repo first showed in the listing (this poll), and the poll before it.</param>
    public RecordedRepo Record(
        HubModel repo,
        LabOrganization lab,
        string feedKey,
        (DateTimeOffset Now, DateTimeOffset? PreviousPoll) publicSince
    )
    {
        var recorded = store.InTransaction(() =>
        {
            var existing = ModelMatcher.Find(store, repo.Id, lab.Developer);
            var model = existing ?? NewModel(repo, lab, publicSince.Now);
            if (existing is null)
                store.Upsert(model);
            var source = Source(repo, lab, publicSince.Now);
            var claims = Claims(repo, model, source, publicSince)
                .Where(c => !store.ClaimsFor(model.Id).Any(old => Same(old, c)))
                .ToList();
            foreach (var claim in claims)
                store.Upsert(claim);
            state.MarkSeen(feedKey, repo.Id, claims.Count > 0 ? "recorded" : "already recorded", publicSince.Now);
            long? seq = claims.Count == 0
                ? null
                : updates.ClaimsAdded(
                    model,
                    claims,
                    $"Found by the Hugging Face watcher on {publicSince.Now:d MMM yyyy HH:mm} UTC.",
                    existing is null ? UpdateKinds.NewModel : UpdateKinds.None,
                    lead: $"New open weights: {repo.Id} ({model.Name}, {model.Developer}"
                        + (existing is null ? ", new to the knowledge base" : "")
                        + "). Recorded: "
                );
            return new RecordedRepo(repo.Id, model, existing is null, claims, seq);
        });
        if (recorded.UpdateSeq is not null)
            outbox.Notify();
        return recorded;
    }

    private Source Source(HubModel repo, LabOrganization lab, DateTimeOffset now)
    {
        var url = $"https://huggingface.co/{repo.Id}";
        if (store.FindSourceByUrl(url) is { } known)
            return known;
        var source = new Source(
            $"hf-{Hash(repo.Id.ToLowerInvariant())}",
            url,
            $"{repo.Id} (Hugging Face model repository)",
            $"{lab.Developer} (Hugging Face)",
            CreatedDay(repo) is { } day ? DateValue.Day(day) : null,
            DateOnly.FromDateTime(now.UtcDateTime),
            SourceKind.Primary,
            Origin
        );
        store.Upsert(source);
        return source;
    }

    private List<Claim> Claims(
        HubModel repo,
        Model model,
        Source source,
        (DateTimeOffset Now, DateTimeOffset? PreviousPoll) seen
    )
    {
        var claims = new List<Claim>
        {
            Claim(
                model,
                source,
                ModelAttribute.WeightsLocation,
                ModelMatcher.WeightsLocation(repo.Id),
                Basis.Official,
                $"Locator: model repository {repo.Id}",
                repo.Gated is { } gated ? $"Gated ({gated}): the Hub asks for the licence to be accepted before download." : null
            ),
            PublishedDate(repo, model, source, seen),
        };
        if (repo.SafetensorsTotal is { } total)
            claims.Add(
                Claim(
                    model,
                    source,
                    ModelAttribute.TotalParameters,
                    "~" + Magnitude.Short(total),
                    Basis.Counted,
                    $"Locator: Hub API safetensors.total = {total.ToString(CultureInfo.InvariantCulture)}",
                    "Counted from the published safetensors"
                        + (repo.SafetensorsByType.Count > 0 ? $" ({string.Join(", ", repo.SafetensorsByType.Select(t => $"{t.Key} {Magnitude.Short(t.Value)}"))})" : "")
                        + ". Packed or quantised tensors count differently, so this can differ from the lab's own figure.",
                    Qualifier.Approximate
                )
            );
        if (License(repo, model, source) is { } license)
            claims.Add(license);
        return claims;
    }

    /// <summary>
    /// The day the weights went public. createdAt says when the repo was made, which is that day only if the repo was
    /// not already there (private) at the poll before; otherwise it went public between that poll and this one.
    /// </summary>
    private Claim PublishedDate(
        HubModel repo,
        Model model,
        Source source,
        (DateTimeOffset Now, DateTimeOffset? PreviousPoll) seen
    )
    {
        var today = DateOnly.FromDateTime(seen.Now.UtcDateTime);
        var caveat =
            " createdAt can be a placeholder (2022-03-02 for repos older than the Hub's records), and a repo can be"
            + " created privately before it is made public.";
        if (CreatedDay(repo) is not { } created)
            return Claim(
                model,
                source,
                ModelAttribute.OpenWeightsDate,
                $"by {today:yyyy-MM-dd}",
                Basis.Compiled,
                "Locator: first listed in the organisation's models",
                $"The Hub gives no creation date for this repo; it was public when the bot first saw it.{caveat}"
            );
        var madeBeforeLastPoll = seen.PreviousPoll is { } previous && repo.CreatedAt < previous;
        return madeBeforeLastPoll
            ? Claim(
                model,
                source,
                ModelAttribute.OpenWeightsDate,
                today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Basis.Compiled,
                $"Locator: first listed publicly between {seen.PreviousPoll:yyyy-MM-dd HH:mm} and {seen.Now:HH:mm} UTC",
                $"The repo was created on {created:yyyy-MM-dd} but was not public at the bot's earlier poll.{caveat}"
            )
            : Claim(
                model,
                source,
                ModelAttribute.OpenWeightsDate,
                created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Basis.Compiled,
                $"Locator: Hub API createdAt = {repo.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}",
                $"The day Hugging Face says the repo was created; the bot first saw it {seen.Now:yyyy-MM-dd HH:mm} UTC.{caveat}"
            );
    }

    /// <summary>
    /// The licence tag of the model card. A tag that is no known licence ("other", a lab's own name) is recorded
    /// only when the model has no licence yet: a different spelling of the same custom licence is not a dispute.
    /// </summary>
    private Claim? License(HubModel repo, Model model, Source source)
    {
        var tag = Clean(repo.License);
        var name = tag == "other" ? Clean(repo.LicenseName) : tag;
        if (name is null or "unknown" or "other" || !LicenseValue.TryParse(name, out var value, out _))
            return null;
        if (value!.SpdxId is null && store.ClaimsFor(model.Id).Any(c => c.Attribute == ModelAttribute.License))
            return null;
        return Claim(
            model,
            source,
            ModelAttribute.License,
            name,
            Basis.Official,
            $"Locator: model card metadata, license: {tag}" + (tag == "other" ? $", license_name: {name}" : ""),
            Clean(repo.LicenseLink) is { } link ? $"Licence text linked from the card: {link}" : null
        );
    }

    /// <summary>Card metadata is anyone's text: one short line, without the licence value's own separator.</summary>
    private static string? Clean(string? text) =>
        text?.Replace('|', ' ').ReplaceLineEndings(" ").Trim() is { Length: > 0 and <= 120 } clean ? clean : null;

    private Claim Claim(
        Model model,
        Source source,
        ModelAttribute attribute,
        string valueText,
        Basis basis,
        string quote,
        string? note,
        Qualifier qualifier = Qualifier.Exact
    )
    {
        var value = ValueParser.ParseStored(attribute, valueText);
        var now = clock.GetUtcNow();
        var id = Enumerable
            .Range(0, 100)
            .Select(attempt => ClaimIds.ForFile(model.Id, attribute, source.Id, value.Text, attempt))
            .First(candidate => store.FindClaim(candidate) is null);
        return new Claim(
            id,
            model.Id,
            attribute,
            value,
            qualifier,
            source.Id,
            quote,
            Rank.Normal,
            null,
            note,
            "watch:huggingface",
            now,
            Origin,
            Basis: basis
        );
    }

    private Model NewModel(HubModel repo, LabOrganization lab, DateTimeOffset now)
    {
        var name = repo.Name;
        var clash = store.FindModelsByKey(Names.Key(name)).Any(m => m.Scope is null);
        var families = store
            .AllModels()
            .Where(m => m.Scope is null && Names.Key(m.Developer) == Names.Key(lab.Developer))
            .Select(m => m.Family)
            .Distinct()
            .Where(f => f.Length > 0 && Names.Key(name).StartsWith(f, StringComparison.Ordinal))
            .OrderByDescending(f => f.Length);
        var id = Slug(name);
        for (var n = 2; store.FindModel(id) is not null; n++)
            id = $"{Slug(repo.Organization)}-{Slug(name)}{(n > 2 ? $"-{n}" : "")}";
        return new Model(
            id,
            clash ? repo.Id : name,
            lab.Developer,
            families.FirstOrDefault() ?? Names.Key(name.Split('-', '_', '.', ' ')[0]),
            ModelStatus.Released,
            DateOnly.FromDateTime(now.UtcDateTime),
            [repo.Id],
            $"Open weights found on Hugging Face ({repo.Id}) by the release watcher.",
            Origin
        );
    }

    private static bool Same(Claim old, Claim added) =>
        old.SourceId == added.SourceId
        && old.Attribute == added.Attribute
        && (old.Attribute == ModelAttribute.OpenWeightsDate || old.Value.AgreesWith(added.Value));

    private static DateOnly? CreatedDay(HubModel repo) =>
        repo.CreatedAt is { } at && at > HubApi.PlaceholderCreatedAt.AddDays(1)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;

    private static string Slug(string text) =>
        string.Join(
            '-',
            new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : ' ').ToArray())
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        );

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 5).ToLowerInvariant();
}
