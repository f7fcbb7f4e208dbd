using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>The read side of the bot: resolves names, weighs claims and builds cited answers.</summary>
public sealed class KnowledgeQueries(KnowledgeStore store, ModelResolver resolver, DisputeIndex disputes)
{
    public static readonly ModelAttribute[] ParameterAttributes =
    [
        ModelAttribute.TotalParameters,
        ModelAttribute.ActiveParameters,
        ModelAttribute.Experts,
        ModelAttribute.Architecture,
    ];
    public static readonly ModelAttribute[] ReleaseAttributes =
    [
        ModelAttribute.AnnouncedDate,
        ModelAttribute.OpenWeightsDate,
        ModelAttribute.ApiAvailabilityDate,
        ModelAttribute.PlannedOpenWeights,
        ModelAttribute.Status,
    ];
    public static readonly ModelAttribute[] LicenseAttributes =
    [
        ModelAttribute.License,
        ModelAttribute.WeightsLocation,
        ModelAttribute.PlannedOpenWeights,
    ];
    public static readonly ModelAttribute[] ContextAttributes = [ModelAttribute.ContextLength];

    public Resolution.Resolution Resolve(string name, Audience audience) => resolver.Resolve(name, audience);

    public Answer Card(string name, Audience audience) =>
        WithModel(
            name,
            audience,
            model => FactsAnswer(model, audience, $"{model.Name}", ModelAttributes.All.ToArray(), model.Summary)
        );

    public Answer Facts(string name, Audience audience, string topic, ModelAttribute[] attributes) =>
        WithModel(name, audience, model => FactsAnswer(model, audience, $"{model.Name}: {topic}", attributes, null));

    public Answer Facts(Model model, Audience audience, string topic, ModelAttribute[] attributes) =>
        FactsAnswer(model, audience, $"{model.Name}: {topic}", attributes, null);

    public Answer Sources(string name, Audience audience) =>
        WithModel(
            name,
            audience,
            model =>
            {
                var book = new CitationBook();
                var lines = ClaimsWithSources(model, audience)
                    .OrderBy(c => c.Claim.Attribute)
                    .ThenBy(c => c.Claim.Rank)
                    .ThenBy(c => c.Source.Kind)
                    .Select(c => new FactLine(
                        $"{c.Claim.Id} · {c.Claim.Attribute.Label()}",
                        FactLines.Describe(c)
                            + (
                                c.Claim.Rank == Rank.Deprecated ? $" — retracted: {c.Claim.RankReason}"
                                : c.Claim.Rank == Rank.Preferred ? " — preferred"
                                : ""
                            ),
                        c.Claim.Rank == Rank.Deprecated
                            ? Confidence.Unknown
                            : ConfidenceRule.Of(c.Claim, c.Source),
                        [book.Cite(c.Source, c.Claim.Quote)],
                        Note: c.Claim.Quote is null ? null : $"“{c.Claim.Quote}”",
                        ScopeLabel: c.Claim.Scope is null ? null : "local to this server"
                    ))
                    .ToList();
                return lines.Count == 0
                    ? new Answer(
                        AnswerKind.Facts,
                        $"{model.Name}: sources",
                        "No claims are recorded for this model yet.",
                        [],
                        [],
                        []
                    )
                    : new Answer(
                        AnswerKind.List,
                        $"{model.Name}: sources",
                        $"{lines.Count} claims from {book.Citations.Count} sources. Claim ids are what admins type to dispute, retract or prefer a claim.",
                        lines,
                        book.Citations,
                        []
                    );
            }
        );

    public Answer Disputes(string? name, Audience audience)
    {
        if (name is not null)
            return WithModel(
                name,
                audience,
                model =>
                {
                    var answer = FactsAnswer(
                        model,
                        audience,
                        $"{model.Name}: disputes",
                        ModelAttributes.All.ToArray(),
                        null
                    );
                    var disputed = answer.Facts.Where(f => f.Dispute is not null).ToList();
                    return disputed.Count == 0
                        ? answer with
                        {
                            Kind = AnswerKind.Facts,
                            Headline = "No disputes: the sources agree on everything recorded.",
                            Facts = [],
                            Citations = [],
                        }
                        : answer with
                        {
                            Headline = $"{disputed.Count} disputed fact(s).",
                            Facts = disputed,
                        };
                }
            );
        var book = new CitationBook();
        var lines = disputes
            .Disputed(audience)
            .SelectMany(model =>
                Analyse(model, audience, ModelAttributes.All.ToArray())
                    .Where(f => f.IsDisputed)
                    .Select(f => FactLines.For(f, book, model.Name)!)
            )
            .ToList();
        return new Answer(
            AnswerKind.List,
            "Disputed facts",
            lines.Count == 0
                ? "No disputes: the sources agree on everything recorded."
                : $"{lines.Count} disputed fact(s). Ask `disputes <model>` for one model.",
            lines,
            book.Citations,
            []
        );
    }

    public Answer Models(string? developer, Audience audience)
    {
        var models = store.AllModels().Where(m => audience.CanSee(m.Scope)).ToList();
        if (developer is not null)
        {
            var key = Names.Key(developer);
            models = models
                .Where(m => Names.Key(m.Developer).Contains(key, StringComparison.Ordinal) || m.Family == key)
                .ToList();
            if (models.Count == 0)
            {
                var developers = store.AllModels().Select(m => m.Developer).Distinct().Order();
                return Answer.Message(
                    AnswerKind.NotFound,
                    "No such developer",
                    $"No models by '{developer}' are in the knowledge base. Developers: {string.Join(", ", developers)}."
                );
            }
        }
        var lines = models
            .OrderBy(m => m.Developer)
            .ThenBy(m => m.Name)
            .Select(m => new FactLine(
                m.Name,
                $"{m.Developer} · {StatusText(m)}",
                Confidence.Confirmed,
                [],
                ScopeLabel: m.Scope is null ? null : "local to this server"
            ))
            .ToList();
        return new Answer(
            AnswerKind.List,
            developer is null ? "Models" : $"Models by {developer}",
            $"{lines.Count} model(s). Ask `model <name>` for one.",
            lines,
            [],
            []
        );
    }

    public IReadOnlyList<FactAnalysis> Analyse(Model model, Audience audience, ModelAttribute[] attributes)
    {
        var claims = ClaimsWithSources(model, audience);
        return attributes.Select(a => FactAnalysis.Of(a, claims)).ToList();
    }

    private Answer FactsAnswer(
        Model model,
        Audience audience,
        string title,
        ModelAttribute[] attributes,
        string? summary
    )
    {
        var book = new CitationBook();
        var facts = Analyse(model, audience, attributes);
        var lines = facts.Select(f => FactLines.For(f, book)).OfType<FactLine>().ToList();
        var missing = facts.Where(f => f.Sides.Count == 0).Select(f => f.Attribute.Label().ToLowerInvariant()).ToList();
        var notes = new List<string>();
        if (lines.Count == 0)
            notes.Add("Nothing on this is recorded for this model: no source in the knowledge base states it.");
        else if (missing.Count > 0 && attributes.Length <= 5)
            notes.Add($"Not recorded: {string.Join(", ", missing)}.");
        var headline = summary ?? Headline(lines);
        lines.Insert(
            0,
            new FactLine("Status", $"{StatusText(model)} · by {model.Developer}", Confidence.Confirmed, [])
        );
        return new Answer(AnswerKind.Facts, title, headline, lines, book.Citations, notes);
    }

    private static string? Headline(List<FactLine> lines) =>
        lines.Count == 0 ? null
        : lines[0].Dispute is not null && lines[0].Value == "sources disagree" ? $"{lines[0].Label}: sources disagree"
        : $"{lines[0].Label}: {lines[0].Value}";

    public static string StatusText(Model model) =>
        model.Status.ToString().ToLowerInvariant()
        + (model.StatusAsOf is { } asOf ? $" (as of {asOf:d MMM yyyy})" : "");

    private List<(Claim Claim, Source Source)> ClaimsWithSources(Model model, Audience audience) =>
        store.ClaimsWithSources(model.Id).Where(c => audience.CanSee(c.Claim.Scope)).ToList();

    private Answer WithModel(string name, Audience audience, Func<Model, Answer> answer) =>
        resolver.Resolve(name, audience) is var resolution && resolution is Resolution.Resolution.Found found
            ? answer(found.Model)
            : NotFound(resolution);

    public static Answer NotFound(Resolution.Resolution resolution) =>
        resolution switch
        {
            Resolution.Resolution.Ambiguous a => Answer.Message(
                AnswerKind.Ambiguous,
                $"Which '{a.Query}'?",
                $"'{a.Query}' could mean: {string.Join(", ", a.Candidates.Select(m => m.Name))}. Please name one."
            ),
            Resolution.Resolution.NotFound n => Answer.Message(
                AnswerKind.NotFound,
                "Not in the knowledge base",
                $"'{n.Query}' is not in the knowledge base."
                    + (
                        n.Suggestions.Count > 0
                            ? $" Did you mean: {string.Join(", ", n.Suggestions.Select(m => m.Name))}?"
                            : " Try `models` to see what is."
                    ),
                "The bot only answers from sourced facts; it will not guess."
            ),
            _ => throw new InvalidOperationException("A found model is not a failure"),
        };
}
