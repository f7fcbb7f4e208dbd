using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Charts;

/// <summary>
/// One model on the timeline: when it came out, its total parameters (with the range the sources span), whether
/// its weights are open, and whether its size is only stated, estimated or disputed (drawn hollow, as a range).
/// </summary>
public sealed record TimelinePoint(
    Model Model,
    DateOnly Released,
    double Size,
    double Low,
    double High,
    bool IsOpen,
    bool IsUncertain,
    string SizeText,
    IReadOnlyList<Source> Sources
);

/// <summary>The models a timeline shows, and what it leaves out for want of a date or a size.</summary>
public sealed record TimelineData(string Scope, IReadOnlyList<TimelinePoint> Points, int WithoutSize, int WithoutDate)
{
    private static readonly ModelAttribute[] ReleaseDates =
    [
        ModelAttribute.OpenWeightsDate,
        ModelAttribute.ApiAvailabilityDate,
        ModelAttribute.AnnouncedDate,
    ];

    /// <summary>
    /// The models <paramref name="filter"/> names (a developer, a family, or "open"; all when null), each placed
    /// by its first release: open weights, else API, else announcement.
    /// </summary>
    public static TimelineData? Of(KnowledgeQueries queries, IEnumerable<Model> models, Audience audience, string? filter)
    {
        var key = filter is null ? null : Names.Key(filter);
        var openOnly = key == "open";
        var chosen = models
            .Where(m => audience.CanSee(m.Scope))
            .Where(m =>
                key is null || openOnly || Names.Key(m.Developer).Contains(key, StringComparison.Ordinal) || m.Family == key
            )
            .ToList();
        if (chosen.Count == 0)
            return null;
        var points = new List<TimelinePoint>();
        var (withoutSize, withoutDate) = (0, 0);
        foreach (var model in chosen)
        {
            var view = queries.View(model, audience);
            var released = ReleaseDates
                .Select(a => view[a].Lead?.Best.Value)
                .OfType<DateValue>()
                // "by February 2026" is a deadline (open weights promised), not a day anything came out.
                .Where(d => d.Precision != DatePrecision.ByDate)
                .Select(d => (DateOnly?)d.Start)
                .FirstOrDefault();
            var isOpen =
                view[ModelAttribute.OpenWeightsDate].Lead is not null
                && view[ModelAttribute.License].Lead?.Best.Value is LicenseValue { Class: not LicenseClass.Proprietary };
            if (openOnly && !isOpen)
                continue;
            var size = view[ModelAttribute.TotalParameters];
            var sides = size.Sides.Select(s => s.Best.Value).OfType<ParameterCount>().ToList();
            if (released is null)
            {
                withoutDate++;
                continue;
            }
            if (sides.Count == 0)
            {
                withoutSize++;
                continue;
            }
            var lead = size.Lead?.Best.Value as ParameterCount;
            var best = size.Lead?.BestEvidence;
            var stated =
                best is { } e && Evidence.BasisOf(e.Claim, e.Source) is not (Basis.Official or Basis.Counted);
            var shown = lead ?? sides[0];
            points.Add(
                new TimelinePoint(
                    model,
                    released.Value,
                    shown.Magnitude.Value,
                    sides.Min(s => s.Magnitude.Range.Low),
                    sides.Max(s => s.Magnitude.Range.High),
                    isOpen,
                    size.IsDisputed || lead is null || stated || size.Confidence is not Confidence.Confirmed,
                    lead is null ? string.Join(" or ", sides.Select(s => s.Display)) : lead.Display,
                    size.Sides.SelectMany(s => s.Claims).Select(c => c.Source).DistinctBy(s => s.Id).ToList()
                )
            );
        }
        var developers = chosen.Select(m => m.Developer).Distinct().ToList();
        var scope =
            key is null ? "all models"
            : openOnly ? "open-weights models"
            : developers.Count == 1 ? developers[0]
            : filter!;
        return new TimelineData(scope, points.OrderBy(p => p.Released).ToList(), withoutSize, withoutDate);
    }
}
