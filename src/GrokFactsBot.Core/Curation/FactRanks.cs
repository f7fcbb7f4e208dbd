using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Curation;

public enum RankChange
{
    Dispute,
    Retract,
    Prefer,
}

/// <summary>
/// <c>fact dispute|retract|prefer|promote</c> and <c>fact history</c>. Nothing is ever deleted: a retraction is the
/// deprecated rank with its reason (Wikidata-style), and every change lands in the audit log with before and after.
/// </summary>
public sealed class FactRanks(
    KnowledgeStore store,
    KnowledgeQueries queries,
    CurationLog log,
    UpdateRaiser updates,
    UpdateOutbox outbox,
    TimeProvider clock
)
{
    public const int HistoryShown = 25;

    public Answer Change(CommandRequest request, RankChange change)
    {
        if (Find(request, out var claim) is { } missing)
            return missing;
        if (CurationAccess.ForChanging(request.Caller, claim.Scope, $"Claim {claim.Id}") is { } refusal)
            return refusal;
        var reason = request.Arg("reason");
        if (CurationInput.Line("the reason", reason, CurationInput.MaxReason) is { } problem)
            return FactCuration.Usage(problem);
        var changed = change switch
        {
            RankChange.Dispute => claim with { DisputeReason = reason },
            RankChange.Retract => claim with { Rank = Rank.Deprecated, RankReason = reason },
            _ => claim with { Rank = Rank.Preferred, RankReason = reason, DisputeReason = null },
        };
        if (change == RankChange.Retract && claim.Rank == Rank.Deprecated)
            return FactCuration.Usage($"Claim {claim.Id} is already retracted ({claim.RankReason}).");
        var model = store.FindModel(claim.ModelId)!;
        var now = clock.GetUtcNow();
        store.InTransaction(() =>
        {
            Record(request.Caller, claim, changed, change.ToString().ToLowerInvariant(), reason!, now);
            if (change == RankChange.Prefer)
                foreach (
                    var rival in store
                        .ClaimsFor(claim.ModelId)
                        .Where(c =>
                            c.Id != claim.Id
                            && c.Attribute == claim.Attribute
                            && c.Rank == Rank.Preferred
                            && c.Scope == claim.Scope
                        )
                )
                    Record(
                        request.Caller,
                        rival,
                        rival with
                        {
                            Rank = Rank.Normal,
                            RankReason = null,
                        },
                        "un-preferred",
                        $"claim {claim.Id} is now preferred",
                        now
                    );
            if (change == RankChange.Dispute)
                updates.ClaimDisputed(model, changed, $"Disputed by {request.Caller.DisplayName} from chat.");
            return 0;
        });
        outbox.Notify();
        var answer = queries.Facts(
            model,
            request.Audience,
            claim.Attribute.Label().ToLowerInvariant(),
            [claim.Attribute]
        );
        var verb = change switch
        {
            RankChange.Dispute => "Disputed",
            RankChange.Retract => "Retracted",
            _ => "Preferred",
        };
        return answer with
        {
            Title = $"{verb} claim {claim.Id} · {model.Name}",
            Headline = "Saved. This is how it now reads:",
            Notes =
            [
                change == RankChange.Retract
                    ? "The claim is kept (rank deprecated) and still listed by `sources`."
                    : $"See every change with `fact history {model.Name}`.",
                .. answer.Notes,
            ],
        };
    }

    public Answer Promote(CommandRequest request)
    {
        // A global admin promotes from anywhere, so they may name a claim local to a server they are not in.
        if (Find(request, out var claim, anyScope: request.Caller.IsGlobalAdmin) is { } missing)
            return missing;
        if (!request.Caller.IsGlobalAdmin)
            return CurationAccess.Refused(
                "Promoting a server's fact to the shared base needs a global bot admin (setting Admins:Users)."
            );
        if (claim.Scope is not { } formerScope)
            return FactCuration.Usage($"Claim {claim.Id} is already in the shared knowledge base.");
        var model = store.FindModel(claim.ModelId)!;
        var now = clock.GetUtcNow();
        store.InTransaction(() =>
        {
            if (model.Scope is not null)
                store.Upsert(model = model with { Scope = null });
            var source = store.FindSource(claim.SourceId);
            var sourceId =
                source?.Scope is null ? claim.SourceId : FactCuration.SharedSourceFor(store, source, now).Id;
            store.Upsert(claim = claim with { Scope = null, SourceId = sourceId });
            log.Add(
                new CurationEntry(
                    model.Id,
                    claim.Id,
                    "promoted",
                    $"local to {formerScope}",
                    "shared base",
                    null,
                    CurationLog.Who(request.Caller),
                    CurationLog.Where(request.Caller),
                    now,
                    null
                )
            );
            updates.ClaimsAdded(
                model,
                [claim with { Scope = null }],
                $"Promoted to the shared knowledge base by {request.Caller.DisplayName}.",
                excludeScope: formerScope
            );
            return 0;
        });
        outbox.Notify();
        var answer = queries.Facts(
            model,
            request.Audience,
            claim.Attribute.Label().ToLowerInvariant(),
            [claim.Attribute]
        );
        return answer with
        {
            Title = $"Promoted claim {claim.Id} · {model.Name}",
            Headline = "Every server now sees it:",
        };
    }

    public Answer History(CommandRequest request)
    {
        if (FactCuration.FindModel(queries, request, out var model) is { } notFound)
            return notFound;
        var entries = log.For(model.Id, request.Audience);
        var lines = entries
            .Take(HistoryShown)
            .Select(e => new FactLine(
                $"{e.At:yyyy-MM-dd HH:mm} UTC · {e.Action}{(e.ClaimId is null ? "" : " " + e.ClaimId)}",
                $"{e.Before} → {e.After}",
                Confidence.Confirmed,
                [],
                Note: $"by {e.By} in {e.Where}{(e.Reason is null ? "" : $"; reason: {e.Reason}")}",
                ScopeLabel: e.Scope is null ? null : "local to this server"
            ))
            .ToList();
        var notes =
            entries.Count > HistoryShown
                ? new[] { $"Showing the newest {HistoryShown} of {entries.Count} changes." }
                : [];
        return new Answer(
            AnswerKind.List,
            $"{model.Name}: history",
            lines.Count == 0
                ? "No changes from chat yet: everything shown comes from the knowledge files."
                : $"{entries.Count} change(s) made from chat, newest first.",
            lines,
            [],
            notes
        );
    }

    private void Record(Caller caller, Claim before, Claim after, string action, string reason, DateTimeOffset now)
    {
        store.SetRanking(new ClaimRanking(after.Id, after.ModelId, after.Rank, after.RankReason, after.DisputeReason));
        log.Add(
            new CurationEntry(
                after.ModelId,
                after.Id,
                action,
                Describe(before),
                Describe(after),
                reason,
                CurationLog.Who(caller),
                CurationLog.Where(caller),
                now,
                before.Scope
            )
        );
    }

    private string Describe(Claim claim) =>
        $"{claim.Attribute.Label()}: {(store.FindSource(claim.SourceId) is { } source ? FactLines.Describe(claim, source) : claim.Value.Display)}, rank {claim.Rank.ToString().ToLowerInvariant()}{(claim.DisputeReason is null ? "" : ", disputed")}";

    private Answer? Find(CommandRequest request, out Claim claim, bool anyScope = false)
    {
        var id = request.Arg("claim")!.ToLowerInvariant();
        claim = store.FindClaim(id)!;
        return claim is not null && (anyScope || request.Audience.CanSee(claim.Scope))
            ? null
            : Answer.Message(
                AnswerKind.NotFound,
                "No such claim",
                $"There is no claim '{id}' here. Claim ids are listed by `sources <model>` and `disputes`."
            );
    }
}
