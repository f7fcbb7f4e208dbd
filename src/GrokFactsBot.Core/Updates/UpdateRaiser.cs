using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Updates;

/// <summary>The importer's hook: called inside the import's transaction with the claims it added.</summary>
public interface IUpdateRaiser
{
    void Imported(IReadOnlyList<Claim> newClaims);
}

/// <summary>
/// Turns a change into an outbox update that names the fact, its source and any dispute it creates, rendered as
/// an answer of the knowledge as users now see it. Call inside the transaction that made the change.
/// </summary>
public sealed class UpdateRaiser(
    KnowledgeStore store,
    KnowledgeQueries queries,
    UpdateOutbox outbox,
    TimeProvider clock
) : IUpdateRaiser
{
    public void Imported(IReadOnlyList<Claim> newClaims)
    {
        foreach (var group in newClaims.Where(c => c.Rank != Rank.Deprecated).GroupBy(c => c.ModelId))
        {
            if (store.FindModel(group.Key) is not { } model)
                continue;
            var claims = group.ToList();
            var isNewModel = store.ClaimsFor(model.Id).All(c => claims.Any(n => n.Id == c.Id));
            var files = string.Join(", ", claims.Select(c => c.Origin.Name).Distinct());
            ClaimsAdded(
                model,
                claims,
                $"From the knowledge files ({files}).",
                isNewModel ? UpdateKinds.NewModel : UpdateKinds.None
            );
        }
    }

    /// <summary>
    /// One update for claims added together. <paramref name="lead"/> replaces the opening ("New for Grok 3: ") when
    /// the news is first about something else, such as the repo a watcher found.
    /// </summary>
    public long ClaimsAdded(
        Model model,
        IReadOnlyList<Claim> claims,
        string origin,
        UpdateKinds extra = UpdateKinds.None,
        string? excludeScope = null,
        string? lead = null
    )
    {
        var scope = claims.Select(c => c.Scope).FirstOrDefault(s => s is not null);
        var attributes = claims.Select(c => c.Attribute).Distinct().ToArray();
        var disputed = attributes.Where(a => CreatesDispute(model, a, claims)).ToList();
        var kinds =
            claims.Aggregate(extra, (k, c) => k | UpdateKindNames.For(c.Attribute))
            | (disputed.Count > 0 ? UpdateKinds.Disputed : UpdateKinds.None);
        var answer = queries.Facts(model, new Audience(scope), "update", attributes);
        var news = claims.Select(c =>
            $"{c.Attribute.Label()} {Describe(c)} ({c.Id}), per {Publisher(c)} {Cite(answer, c)}".TrimEnd()
        );
        var headline =
            (
                lead is not null ? lead
                : extra.HasFlag(UpdateKinds.NewModel)
                    ? $"New model: {model.Name} ({model.Developer}). "
                    : $"New for {model.Name}: "
            )
            + string.Join("; ", news)
            + "."
            + (
                disputed.Count > 0
                    ? $" This makes {string.Join(", ", disputed.Select(a => a.Label().ToLowerInvariant()))} disputed: the sources now disagree."
                    : ""
            );
        return Append(model, kinds, Best(claims), scope, excludeScope, answer, headline, origin);
    }

    public long ModelAdded(Model model, string origin)
    {
        var answer = queries.Facts(model, new Audience(model.Scope), "new model", ModelAttributes.All.ToArray());
        return Append(
            model,
            UpdateKinds.NewModel,
            Confidence.Confirmed,
            model.Scope,
            null,
            answer,
            $"New model: {model.Name} ({model.Developer}), {queries.StatusText(model)}.",
            origin
        );
    }

    public long ClaimDisputed(Model model, Claim claim, string origin)
    {
        var answer = queries.Facts(model, new Audience(claim.Scope), "disputed", [claim.Attribute]);
        return Append(
            model,
            UpdateKinds.Disputed | UpdateKindNames.For(claim.Attribute),
            Best([claim]),
            claim.Scope,
            null,
            answer,
            $"Disputed: {model.Name} {claim.Attribute.Label().ToLowerInvariant()} {Describe(claim)} ({claim.Id}), per {Publisher(claim)} {Cite(answer, claim)}. Reason: {claim.DisputeReason}".TrimEnd(),
            origin
        );
    }

    private long Append(
        Model model,
        UpdateKinds kinds,
        Confidence confidence,
        string? scope,
        string? excludeScope,
        Answer answer,
        string headline,
        string origin
    )
    {
        var notes = new List<string> { origin };
        if (scope is not null)
            notes.Add("Local to this server: added by its admins, not in the shared knowledge base.");
        var update = new ReleaseUpdate(
            0,
            kinds,
            model.Id,
            model.Family,
            Names.Key(model.Developer),
            confidence,
            scope,
            excludeScope,
            answer with
            {
                Title = $"Update · {model.Name}",
                Headline = headline,
                Notes = [.. notes, .. answer.Notes],
            },
            clock.GetUtcNow()
        );
        return outbox.Append(update);
    }

    private bool CreatesDispute(Model model, ModelAttribute attribute, IReadOnlyList<Claim> added)
    {
        var all = store.ClaimsWithSources(model.Id).Where(c => c.Claim.Attribute == attribute).ToList();
        return FactAnalysis.Of(attribute, all).IsDisputed
            && !FactAnalysis.Of(attribute, all.Where(c => added.All(a => a.Id != c.Claim.Id))).IsDisputed;
    }

    private string Publisher(Claim claim) => store.FindSource(claim.SourceId)?.Publisher ?? "an unknown source";

    private string Cite(Answer answer, Claim claim)
    {
        var url = store.FindSource(claim.SourceId)?.Url;
        return answer.Citations.FirstOrDefault(c => c.Url == url) is { } citation ? $"[{citation.Number}]" : "";
    }

    /// <summary>
    /// How sure the news itself is: the maker's own word is confirmed, reporting likely, rumour speculative.
    /// </summary>
    private Confidence Best(IEnumerable<Claim> claims) =>
        claims
            .Select(c => store.FindSource(c.SourceId) is { } source ? ConfidenceRule.Of(c, source) : Confidence.Speculative)
            .DefaultIfEmpty(Confidence.Speculative)
            .Min();

    private string Describe(Claim claim) =>
        store.FindSource(claim.SourceId) is { } source ? FactLines.Describe(claim, source) : claim.Value.Display;
}
