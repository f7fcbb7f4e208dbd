using System.Diagnostics;
using System.Text.RegularExpressions;
using GrokFactsBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Watch.HuggingFace;

/// <summary>
/// Watches each lab's Hugging Face organisation for new model repos. The first poll of an organisation only learns
/// what is already there; later polls ask for the newest repos with If-None-Match (an unchanged organisation costs
/// one 304), fetch each repo not seen before and record it (<see cref="OpenWeightsRecorder"/>). A repo that cannot
/// be read yet stays pending and is tried again next poll; the ETag is kept only once a listing is fully handled.
/// </summary>
public sealed partial class HuggingFaceWatcher(
    HubApi api,
    LabOrganizations labs,
    WatchState state,
    OpenWeightsRecorder recorder,
    KnowledgeStore store,
    RequestBudgets budgets,
    IOptions<HuggingFaceOptions> options,
    TimeProvider clock
) : IReleaseWatcher
{
    /// <summary>A repo still listed but unreadable this many polls running is given up on.</summary>
    private const int GiveUpAfter = 3;

    public string Name => "Hugging Face";

    public const string ServiceKey = "huggingface";

    public string Key => ServiceKey;

    public TimeSpan Interval => options.Value.Interval;

    public async Task<PollReport> PollAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var tally = new PollTally(Name);
        foreach (var lab in labs.Resolve(options.Value.Organizations))
        {
            tally.Feeds++;
            if (!await PollAsync(lab, tally, cancellationToken))
                break;
        }
        return tally.Report(Stopwatch.GetElapsedTime(started), budgets.CoolingUntil(api.Host));
    }

    /// <summary>Returns false when the Hub (or our budget) says to stop asking for now.</summary>
    private async Task<bool> PollAsync(LabOrganization lab, PollTally tally, CancellationToken cancellationToken)
    {
        var key = $"huggingface:{lab.Organization.ToLowerInvariant()}";
        var feed = state.Feed(key);
        var listedAt = clock.GetUtcNow();
        var first = await api.ListAsync(api.ListUrl(lab.Organization), feed.ETag, cancellationToken);
        tally.Add(first.Fetch);
        if (Stop(first, lab, tally) is { } carryOn)
            return carryOn;
        if (first.Fetch.Outcome == FetchOutcome.NotModified)
            tally.Unchanged++;
        var (listing, complete) = first.Fetch.Outcome == FetchOutcome.Fresh
            ? await FollowPagesAsync(first, key, feed, lab, tally, cancellationToken)
            : (null, true);
        if (feed.BaselinedAt is null && listing is not null)
        {
            Baseline(feed, listing, first.Fetch.ETag, listedAt, complete);
            tally.Note($"{lab.Organization}: first poll, {listing.Count} existing repo(s) noted, none announced");
            return true;
        }

        var pending = new Dictionary<string, int>(feed.Pending, StringComparer.OrdinalIgnoreCase);
        if (listing is not null && complete)
            foreach (var gone in pending.Keys.Where(id => listing.All(r => !Same(r.Id, id))).ToList())
                pending.Remove(gone);
        var candidates = pending
            .Keys.Concat(
                (listing ?? [])
                    .Where(r => !r.IsPrivate && IsRepoOf(lab, r.Id) && !state.HasSeen(key, r.Id))
                    .OrderBy(r => r.CreatedAt)
                    .Select(r => r.Id)
            )
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var stopped = false;
        foreach (var id in candidates)
        {
            if (state.HasSeen(key, id))
            {
                pending.Remove(id);
                continue;
            }
            var (fetched, model, problem) = await api.ModelAsync(id, cancellationToken);
            tally.Add(fetched);
            if (fetched.Outcome is FetchOutcome.RateLimited or FetchOutcome.OverBudget)
            {
                tally.Problem($"{id}: {fetched.Detail}");
                stopped = true;
                break;
            }
            if (model is { IsPrivate: false })
            {
                var recorded = recorder.Record(model, lab, key, (listedAt, feed.LastPolledAt));
                pending.Remove(id);
                tally.Found(
                    recorded.UpdateSeq is { } seq
                        ? $"{id} → {recorded.Model.Name}{(recorded.IsNewModel ? " (new model)" : "")}, "
                            + $"{recorded.Claims.Count} claim(s), update {seq}"
                        : $"{id} → {recorded.Model.Name}, already recorded"
                );
                continue;
            }
            var failures = pending.GetValueOrDefault(id) + 1;
            var why = problem ?? (model is not null ? "still private" : fetched.Detail);
            if (failures >= GiveUpAfter)
            {
                store.InTransaction(() =>
                {
                    state.MarkSeen(key, id, $"unreadable: {why}", listedAt);
                    return 0;
                });
                pending.Remove(id);
                tally.Note($"{id}: given up after {failures} polls ({why})");
            }
            else
            {
                pending[id] = failures;
                if (fetched.Outcome == FetchOutcome.Gone)
                    tally.Note($"{id} is listed but not readable ({why}); trying again next poll");
                else
                    tally.Problem($"{id}: {why}");
            }
        }
        var handled = complete && !stopped;
        state.Save(
            feed with
            {
                ETag = handled && first.Fetch.Outcome == FetchOutcome.Fresh ? first.Fetch.ETag : feed.ETag,
                LastPolledAt = handled ? listedAt : feed.LastPolledAt,
                Pending = pending,
            }
        );
        return !stopped;
    }

    /// <summary>Null to go on with this listing; true/false to leave this organisation (false: stop the poll).</summary>
    private static bool? Stop(HubPage page, LabOrganization lab, PollTally tally)
    {
        var fetched = page.Fetch;
        switch (fetched.Outcome)
        {
            case FetchOutcome.RateLimited or FetchOutcome.OverBudget:
                tally.Problem($"{lab.Organization}: {fetched.Detail}");
                return false;
            case FetchOutcome.Gone:
                tally.Problem($"{lab.Organization}: no such organisation on the Hub ({fetched.Detail})");
                return true;
            case FetchOutcome.Failed:
                tally.Problem($"{lab.Organization}: {fetched.Detail}");
                return true;
            case FetchOutcome.Fresh when page.Problem is not null:
                tally.Problem($"{lab.Organization}: {page.Problem}");
                return true;
            default:
                return null;
        }
    }

    /// <summary>
    /// Later pages are read only while every repo so far is unseen (more were created since the last poll than one
    /// page holds), up to MaxPages. The first poll reads one page: older repos cannot be new.
    /// </summary>
    private async Task<(List<HubListing> Listing, bool Complete)> FollowPagesAsync(
        HubPage first,
        string key,
        FeedState feed,
        LabOrganization lab,
        PollTally tally,
        CancellationToken cancellationToken
    )
    {
        var listing = first.Repos.ToList();
        var page = first;
        for (var pages = 1; feed.BaselinedAt is not null && pages < options.Value.MaxPages; pages++)
        {
            if (page.Fetch.Next is not { } next || page.Repos.Any(r => state.HasSeen(key, r.Id)))
                break;
            page = await api.ListAsync(next, null, cancellationToken);
            tally.Add(page.Fetch);
            if (page.Fetch.Outcome != FetchOutcome.Fresh || page.Problem is not null)
            {
                tally.Problem($"{lab.Organization}, page {pages + 1}: {page.Problem ?? page.Fetch.Detail}");
                return (listing, false);
            }
            listing.AddRange(page.Repos);
        }
        return (listing, true);
    }

    private void Baseline(FeedState feed, List<HubListing> listing, string? etag, DateTimeOffset at, bool complete) =>
        store.InTransaction(() =>
        {
            foreach (var repo in listing)
                state.MarkSeen(feed.Key, repo.Id, "there at the first poll", at);
            state.Save(feed with { ETag = complete ? etag : null, BaselinedAt = at, LastPolledAt = at });
            return listing.Count;
        });

    private static bool IsRepoOf(LabOrganization lab, string id) =>
        RepoId().IsMatch(id) && id.StartsWith(lab.Organization + "/", StringComparison.OrdinalIgnoreCase);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")]
    private static partial Regex RepoId();
}
