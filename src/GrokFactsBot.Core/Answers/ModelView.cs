using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// One model as an answer sees it on one day: the claims its audience may see, each with its source, weighed per
/// attribute on first use. Everything an answer says about the model is read from here.
/// </summary>
public sealed class ModelView
{
    private readonly FactAnalysis?[] _facts = new FactAnalysis?[Enum.GetValues<ModelAttribute>().Length];

    /// <param name="asOf">For a view of what the base held on a past day: that day, which is then "today".</param>
    public ModelView(
        Model model,
        IReadOnlyList<(Claim Claim, Source Source)> claims,
        DateOnly today,
        DateOnly? asOf = null
    )
    {
        Model = model;
        Claims = claims;
        Today = asOf ?? today;
        AsOf = asOf;
        LastChecked = asOf ?? claims.Select(c => c.Source.Retrieved).Max();
        // "Cohere for AI, Brown University, …": the first maker speaks for the model in the words about its evidence.
        Context = new EvidenceContext(model.Developer.Split(", ", 2)[0], today, LastChecked, Happened);
    }

    public Model Model { get; }

    public IReadOnlyList<(Claim Claim, Source Source)> Claims { get; }

    public DateOnly Today { get; }

    /// <summary>The newest day any of the model's sources was checked: what "as of" means for what is missing.</summary>
    public DateOnly? LastChecked { get; }

    public EvidenceContext Context { get; }

    public FactAnalysis this[ModelAttribute attribute] =>
        _facts[(int)attribute] ??= FactAnalysis.Of(attribute, Claims, Context);

    public IReadOnlyList<FactAnalysis> Analyse(IEnumerable<ModelAttribute> attributes) =>
        attributes.Select(a => this[a]).ToList();

    /// <summary>
    /// Whether the event a promise about <paramref name="attribute"/> looks for has happened by today: open weights
    /// for an open-weights plan, a dated (not promised) claim for a promised date.
    /// </summary>
    public bool Happened(ModelAttribute attribute)
    {
        var happening = attribute == ModelAttribute.PlannedOpenWeights ? ModelAttribute.OpenWeightsDate : attribute;
        return Claims.Any(c =>
            c.Claim.Attribute == happening
            && c.Claim.Rank != Rank.Deprecated
            && Evidence.BasisOf(c.Claim, c.Source) != Basis.Promise
            && c.Claim.Value is DateValue date
            && date.Start <= Today
        );
    }

    /// <summary>Set when the view is of a past day's knowledge ("as of 30 Jun 2026").</summary>
    public DateOnly? AsOf { get; }

    public string AsOfText =>
        (AsOf ?? LastChecked ?? Today).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
