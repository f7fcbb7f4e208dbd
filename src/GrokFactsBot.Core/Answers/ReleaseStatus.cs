using System.Globalization;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>How far a model has come, strongest last: what its dated claims say had happened by today.</summary>
public enum ReleaseStage
{
    Unknown,
    Announced,
    InTraining,
    ApiAvailable,
    OpenWeightsReleased,
    Retired,
}

/// <summary>
/// A model's status, derived from its dated claims rather than typed by hand: announced, in training, API available,
/// open weights published, retired, each with its date; "as of" is the newest check of the model's sources.
/// </summary>
public sealed record ReleaseStatus(
    ReleaseStage Stage,
    DateValue? Announced,
    DateValue? InTraining,
    DateValue? Api,
    DateValue? OpenWeights,
    DateValue? Retired,
    string AsOf
)
{
    public static readonly ModelAttribute[] Attributes =
    [
        ModelAttribute.AnnouncedDate,
        ModelAttribute.InTraining,
        ModelAttribute.ApiAvailabilityDate,
        ModelAttribute.OpenWeightsDate,
        ModelAttribute.Retired,
    ];

    public bool HasOpenWeights => OpenWeights is not null;

    public static ReleaseStatus Of(ModelView view)
    {
        var dates = Attributes.Select(a => Happened(view, a)).ToArray();
        var stage = ReleaseStage.Unknown;
        for (var i = 0; i < dates.Length; i++)
            if (dates[i] is not null)
                stage = (ReleaseStage)(i + 1);
        // Open weights stay downloadable after an API is switched off; "retired" is the API's end.
        if (stage == ReleaseStage.Retired && dates[3] is not null && dates[2] is null)
            stage = ReleaseStage.OpenWeightsReleased;
        return new ReleaseStatus(stage, dates[0], dates[1], dates[2], dates[3], dates[4], view.AsOfText);
    }

    /// <summary>"API since 9 Jul 2025 · no open weights (as of 25 Nov 2026)", "open weights since 17 Mar 2024".</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            if (Retired is not null)
                parts.Add($"retired {Retired.Display}");
            if (OpenWeights is not null)
                parts.Add(Dated("open weights", "since", OpenWeights));
            if (Api is not null)
                parts.Add(Dated("API", Retired is null ? "since" : "from", Api));
            if (parts.Count == 0)
                parts.Add(
                    InTraining is not null ? $"in training (reported {InTraining.Display})"
                    : Announced is not null ? $"announced {Announced.Display}; no API or open-weights release recorded"
                    : "no release recorded"
                );
            if (OpenWeights is null && (Api is not null || Retired is not null))
                parts.Add("no open weights");
            return $"{string.Join(" · ", parts)} (as of {AsOf})";
        }
    }

    // A dataset that only says "API access" gives no day: the snapshot it was seen in is the latest it can be.
    private static string Dated(string what, string word, DateValue date) =>
        date.Precision == DatePrecision.ByDate ? $"{what} {date.Display}" : $"{what} {word} {date.Display}";

    /// <summary>The lead date of a dated event that has happened by today (promises don't count).</summary>
    private static DateValue? Happened(ModelView view, ModelAttribute attribute)
    {
        var lead = view[attribute].Lead;
        if (lead is null)
            return null;
        var (claim, source) = lead.BestEvidence;
        return
            claim.Value is DateValue date
            && Evidence.BasisOf(claim, source) != Basis.Promise
            && date.Start <= view.Today
            ? date
            : null;
    }

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
