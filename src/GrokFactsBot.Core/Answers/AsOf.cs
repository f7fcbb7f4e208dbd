using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// "as of &lt;date&gt;" on a read command: answer with what the knowledge base held on that day. A claim added from
/// chat is known from when it was added; a claim from a knowledge file from when its source was published (the end of
/// the span it gives, e.g. the last day of "May 2026"), or when it was imported if the source gives no date. Ranks
/// and disputes set from chat count from when the curation log says they were set.
/// </summary>
public static partial class AsOf
{
    [GeneratedRegex(@"(?:^|\s)as of\s+(?<date>[^?!]+?)\s*[?!.]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    [GeneratedRegex(
        @"\b(?:in|on|by|at)\s+(?<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?|\d{4}-\d{2}(?:-\d{2})?|q[1-4]\s+\d{4})\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex KnewIn();

    /// <summary>Splits "grok-1 as of June 2026" into the name and the audience as of that day.</summary>
    public static (string? Text, Audience Audience) Split(string? text, Audience audience, DateOnly today)
    {
        if (text is null || Suffix().Match(text) is not { Success: true } match)
            return (text, audience);
        if (Day(match.Groups["date"].Value, today) is not { } day)
            return (text, audience);
        var rest = text[..match.Index].Trim();
        return (rest.Length == 0 ? null : rest, audience with { AsOf = day });
    }

    /// <summary>
    /// "what did we know about the 0.5T model in June?": a question about what was known, and when.
    /// </summary>
    public static Audience FromQuestion(string question, Audience audience, DateOnly today)
    {
        if (Split(question, audience, today).Audience is { AsOf: not null } split)
            return split;
        var asksWhatWasKnown = QuestionWords().IsMatch(question);
        return asksWhatWasKnown && KnewIn().Match(question) is { Success: true } match
            && Day(match.Groups["date"].Value, today) is { } day
            ? audience with { AsOf = day }
            : audience;
    }

    [GeneratedRegex(@"\b(?:know|knew|known|as of|back in|did we have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionWords();

    /// <summary>The last day a date stands for; a month without a year is this year's, or last year's if later.</summary>
    public static DateOnly? Day(string text, DateOnly today)
    {
        var trimmed = text.Trim();
        if (!DateValue.TryParse(trimmed, out var date, out _))
        {
            if (!DateValue.TryParse($"{trimmed} {today.Year}", out date, out _))
                return null;
            if (date!.Start > today && DateValue.TryParse($"{trimmed} {today.Year - 1}", out var lastYear, out _))
                date = lastYear;
        }
        return date!.End > today ? today : date.End;
    }

    /// <summary>The day from which the base held a claim.</summary>
    public static DateOnly KnownFrom(Claim claim, Source source) =>
        claim.Origin.IsFile && source.Published is { } published
            ? published.End
            : DateOnly.FromDateTime(claim.AddedAt.UtcDateTime);

    /// <summary>The claims of a model as they stood on a day: only those known by then, ranked as they were.</summary>
    public static List<(Claim Claim, Source Source)> Claims(ModelEntry entry, Audience audience, DateOnly day) =>
        entry
            .Claims.Where(c => audience.CanSee(c.Claim.Scope) && KnownFrom(c.Claim, c.Source) <= day)
            .Select(c => (RankedOn(entry, c.Claim, day), c.Source))
            .ToList();

    private static Claim RankedOn(ModelEntry entry, Claim current, DateOnly day)
    {
        if (!entry.Unranked.TryGetValue(current.Id, out var claim))
            return current;
        foreach (var change in entry.History.Where(e => e.ClaimId == current.Id))
        {
            if (DateOnly.FromDateTime(change.At.UtcDateTime) > day)
                break;
            claim = change.Action switch
            {
                "retract" => claim with { Rank = Rank.Deprecated, RankReason = change.Reason },
                "prefer" => claim with { Rank = Rank.Preferred, RankReason = change.Reason, DisputeReason = null },
                "un-preferred" => claim with { Rank = Rank.Normal, RankReason = null },
                "dispute" => claim with { DisputeReason = change.Reason },
                _ => claim,
            };
        }
        return claim;
    }
}
