using System.Globalization;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.News;

/// <summary>
/// "What's new": the updates the bot raised in the window (the same ones a subscription's backfill sends), and the
/// releases the knowledge base dates inside it that no update already told, newest first, each dated and cited.
/// </summary>
public sealed class NewsDigest(KnowledgeStore store, UpdateOutbox outbox, TimeProvider clock)
{
    public const int DefaultDays = 30,
        MaxDays = 365,
        MaxEntries = 15;

    private static readonly ModelAttribute[] ReleaseAttributes =
    [
        ModelAttribute.OpenWeightsDate,
        ModelAttribute.ApiAvailabilityDate,
        ModelAttribute.AnnouncedDate,
    ];

    /// <summary>A developer's key (as updates carry it) or null for all; a name that fits none is a problem.</summary>
    public (string? Key, string? Name, string? Problem) Developer(string? text, Audience audience)
    {
        if (text is null)
            return (null, null, null);
        var developers = store
            .AllModels()
            .Where(m => audience.CanSee(m.Scope))
            .Select(m => m.Developer)
            .DistinctBy(Names.Key)
            .ToList();
        var key = Names.Key(text);
        var matches = developers.Where(d => Names.Key(d) == key).ToList();
        if (matches.Count == 0 && key.Length > 0)
            matches = developers.Where(d => Names.Key(d).StartsWith(key, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? (Names.Key(matches[0]), matches[0], null)
            : (null, null, $"'{text}' is {(matches.Count == 0 ? "no" : "more than one")} developer here. Developers: {string.Join(", ", developers.Order())}.");
    }

    public Answer Build(string? developerKey, string? developerName, int days, Audience audience)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-days);
        var book = new Dictionary<string, Citation>();
        var entries = new List<(DateTimeOffset At, FactLine Line)>();
        var updates = outbox
            .Recent(long.MaxValue, 500)
            .Where(u => u.RaisedAt >= since && u.IsVisibleIn(audience.Scope))
            .Where(u => developerKey is null || u.DeveloperKey == developerKey)
            .ToList();
        foreach (var update in updates)
            entries.Add((update.RaisedAt, Line(update, book)));
        var told = updates.Where(u => u.Kinds.HasFlag(UpdateKinds.Release)).Select(u => u.ModelId).ToHashSet();
        foreach (var model in store.AllModels().Where(m => audience.CanSee(m.Scope) && !told.Contains(m.Id)))
        {
            if (developerKey is not null && Names.Key(model.Developer) != developerKey)
                continue;
            foreach (var (claim, source) in store.ClaimsWithSources(model.Id))
                if (
                    ReleaseAttributes.Contains(claim.Attribute)
                    && claim.Rank != Rank.Deprecated
                    && audience.CanSee(claim.Scope)
                    && claim.Value is DateValue { Precision: DatePrecision.Day } date
                    && date.Start >= DateOnly.FromDateTime(since.UtcDateTime)
                    && date.Start <= DateOnly.FromDateTime(now.UtcDateTime)
                )
                    entries.Add((new DateTimeOffset(date.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Line(model, claim, source, book)));
        }
        var shown = entries.OrderByDescending(e => e.At).Take(MaxEntries).Select(e => e.Line).ToList();
        var who = developerName is null ? "" : $" from {developerName}";
        var asOf = $"As of {now.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC.";
        return new Answer(
            AnswerKind.List,
            $"What's new{who}",
            shown.Count == 0
                ? $"Nothing recorded{who} in the last {days} day(s). {asOf}"
                : $"{entries.Count} release(s) and change(s){who} in the last {days} day(s), newest first. {asOf}",
            shown,
            book.Values.OrderBy(c => c.Number).ToList(),
            [
                .. entries.Count > shown.Count ? [$"Showing the newest {shown.Count}; narrow it with a developer or fewer days."] : Array.Empty<string>(),
                "Channels can get these as they happen: `subscribe` (add backfill:N for the last N now).",
            ]
        );
    }

    private static FactLine Line(ReleaseUpdate update, Dictionary<string, Citation> book)
    {
        var renumbered = update.Answer.Citations.ToDictionary(c => c.Number, c => Cite(book, c));
        var model = update.Answer.Title.StartsWith("Update · ", StringComparison.Ordinal)
            ? update.Answer.Title["Update · ".Length..]
            : update.ModelId;
        return new FactLine(
            $"{Day(update.RaisedAt)} · {model}",
            update.Answer.Headline ?? update.Answer.Title,
            update.Confidence,
            Cited(update.Answer.Headline, renumbered),
            Note: update.Answer.Notes.Count > 0 ? update.Answer.Notes[0] : null
        );
    }

    private static FactLine Line(Model model, Claim claim, Source source, Dictionary<string, Citation> book)
    {
        var number = Cite(
            book,
            new Citation(0, source.Publisher, source.Title, source.Published?.Display, source.Url, source.Kind, claim.Quote, source.Attribution)
        );
        return new FactLine(
            $"{((DateValue)claim.Value).Display} · {model.Name}",
            $"{claim.Attribute.Label()}: {FactLines.Describe(claim, source)} ({claim.Id})",
            ConfidenceRule.Of(claim, source),
            [number]
        );
    }

    /// <summary>The update's own citation numbers, as the digest numbers them (in the order its headline cites).</summary>
    private static IReadOnlyList<int> Cited(string? headline, Dictionary<int, int> renumbered) =>
        renumbered.Where(kv => headline?.Contains($"[{kv.Key}]", StringComparison.Ordinal) != false).Select(kv => kv.Value).Distinct().Order().ToList();

    private static int Cite(Dictionary<string, Citation> book, Citation citation)
    {
        if (book.TryGetValue(citation.Url, out var known))
            return known.Number;
        book[citation.Url] = citation with { Number = book.Count + 1 };
        return book.Count;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
