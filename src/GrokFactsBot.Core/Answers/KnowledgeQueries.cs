using System.Runtime.CompilerServices;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Answers;

/// <summary>The read side of the bot: resolves names, weighs claims and builds cited answers.</summary>
public sealed class KnowledgeQueries(KnowledgeStore store, ModelResolver resolver, TimeProvider clock)
{
    /// <summary>
    /// A model's view for everyone, weighed once per snapshot entry and day: an unchanged model keeps its entry
    /// across writes, so its weighing is reused until it changes.
    /// </summary>
    private readonly ConditionalWeakTable<ModelEntry, ModelView> _views = new();

    public static readonly ModelAttribute[] ParameterAttributes = [.. Topics.Params.Attributes];
    public static readonly ModelAttribute[] ReleaseAttributes = [.. Topics.Release.Attributes];
    public static readonly ModelAttribute[] LicenseAttributes = [.. Topics.License.Attributes];
    public static readonly ModelAttribute[] ContextAttributes = [.. Topics.Context.Attributes];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Resolution.Resolution Resolve(string name, Audience audience) => resolver.Resolve(name, audience);

    public ModelView View(Model model, Audience audience)
    {
        var today = Today;
        if (store.Snapshot.Entry(model.Id) is not { } entry)
            return new ModelView(model, [], today);
        if (audience.AsOf is { } day)
            return new ModelView(entry.Model, AsOf.Claims(entry, audience, day), today, day);
        if (entry.HasLocalClaims)
            return new ModelView(entry.Model, entry.Claims.Where(c => audience.CanSee(c.Claim.Scope)).ToList(), today);
        if (_views.TryGetValue(entry, out var view) && view.Today == today)
            return view;
        view = new ModelView(entry.Model, entry.Claims, today);
        _views.AddOrUpdate(entry, view);
        return view;
    }

    /// <summary>The models with a disputed fact that the audience can see, worked out once per snapshot.</summary>
    private IReadOnlyList<Model> Disputed(Audience audience)
    {
        var snapshot = store.Snapshot;
        var models = snapshot.Derived(
            $"disputed:{audience.Scope}:{audience.AsOf}:{Today.DayNumber}",
            s =>
                (IReadOnlyList<Model>)
                    s.AllModels.Where(m => audience.CanSee(m.Scope) && View(m, audience).Analyse(ModelAttributes.All).Any(f => f.IsDisputed)).ToList()
        );
        return models;
    }

    public Answer Card(string name, Audience audience) => WithModel(name, audience, model => Card(model, audience));

    public Answer Card(Model model, Audience audience)
    {
        var view = View(model, audience);
        var answer = FactsAnswer(view, model.Name, ModelAttributes.All.ToArray(), dated: false);
        var status = ReleaseStatus.Of(view);
        var size = view[ModelAttribute.TotalParameters];
        var license = view[ModelAttribute.License];
        var context = new List<string> { $"by {model.Developer}", status.Text };
        if (license.Lead is not null)
            context.Add(LeadLines.Short(license));
        if (size.IsRecorded && (size.Lead is not null || size.Sides.Count == 0))
            context.Add(FactLines.Assessment(size, view.Context));
        var lead = new LeadLine(
            size.IsRecorded ? $"{model.Name}: {LeadLines.Short(size)}" : model.Name,
            context
        );
        return Dated(
            answer with
            {
                Lead = lead,
                Headline = LeadLines.Text(lead),
                Actions = LeadLines.Actions(model, answer.HasDispute, isCard: true),
            },
            view
        );
    }

    /// <summary>An answer about a past day's knowledge says so in its title and line one.</summary>
    private static Answer Dated(Answer answer, ModelView? view)
    {
        if (view?.AsOf is null || answer.Lead is not { } lead)
            return answer;
        var dated = lead with { Context = [$"as the knowledge base stood on {view.AsOfText}", .. lead.Context] };
        return answer with
        {
            Title = $"{answer.Title} (as of {view.AsOfText})",
            Lead = dated,
            Headline = LeadLines.Text(dated),
        };
    }

    public Answer Facts(string name, Audience audience, Topic topic) =>
        WithModel(name, audience, model => Facts(model, audience, [topic]));

    /// <summary>One or more topics of one model in one answer: "size and licence of grok 2".</summary>
    public Answer Facts(Model model, Audience audience, IReadOnlyList<Topic> topics) =>
        Facts(
            model,
            audience,
            string.Join(" and ", topics.Select(t => t.Title)),
            topics.SelectMany(t => t.Attributes).Distinct().ToArray()
        );

    public Answer Facts(string name, Audience audience, string topic, ModelAttribute[] attributes) =>
        WithModel(name, audience, model => Facts(model, audience, topic, attributes));

    public Answer Facts(Model model, Audience audience, string topic, ModelAttribute[] attributes) =>
        FactsAnswer(View(model, audience), $"{model.Name}: {topic}", attributes);

    /// <summary>
    /// A name that fits several models, asked about one topic ("llama's license"): the topic's lead value for each
    /// of them, so the question is answered without picking one.
    /// </summary>
    public Answer ForEach(IReadOnlyList<Model> models, Audience audience, Topic topic, string query)
    {
        var book = new CitationBook();
        var attribute = topic.Attributes[0];
        var views = models.Select(m => View(m, audience)).ToList();
        var lines = views.Select(v => FactLines.For(v[attribute], book, v, v.Model.Name)).OfType<FactLine>().ToList();
        var lead = new LeadLine(
            $"'{query}' is {models.Count} models: {string.Join(", ", models.Select(m => m.Name))}",
            views.Select(v => $"{v.Model.Name}: {(v[attribute].IsRecorded ? LeadLines.Short(v[attribute]) : "not recorded")}").ToList()
        );
        return new Answer(
            AnswerKind.List,
            $"'{query}': {topic.Title} of {models.Count} models",
            LeadLines.Text(lead),
            lines,
            book.Citations,
            ["Name one of them for its full answer."]
        )
        {
            Lead = lead,
        };
    }

    public Answer Sources(string name, Audience audience) =>
        WithModel(name, audience, model => Sources(model, audience));

    public Answer Sources(Model model, Audience audience)
    {
        var view = View(model, audience);
        var book = new CitationBook();
        var lines = view
            .Claims.OrderBy(c => c.Claim.Attribute)
            .ThenBy(c => c.Claim.Rank)
            .ThenBy(c => c.Source.Kind)
            .Select(c => new FactLine(
                $"{c.Claim.Id} · {c.Claim.Attribute.Label()}",
                FactLines.Describe(c, view.Context)
                    + (
                        c.Claim.Rank == Rank.Deprecated ? $" — retracted: {c.Claim.RankReason}"
                        : c.Claim.Rank == Rank.Preferred ? " — preferred"
                        : ""
                    ),
                c.Claim.Rank == Rank.Deprecated
                    ? Confidence.Unknown
                    : ConfidenceRule.Of(c.Claim, c.Source, view.Context),
                [book.Cite(c.Source, c.Claim.Quote)],
                Note: c.Claim.Quote is null ? null : $"“{c.Claim.Quote}”",
                ScopeLabel: c.Claim.Scope is null ? null : "local to this server",
                Assessment: c.Claim.Rank == Rank.Deprecated
                    ? "retracted"
                    : ConfidenceRule.Words(c.Claim, c.Source, view.Context)
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

    public Answer Disputes(string? name, Audience audience)
    {
        if (name is not null)
            return WithModel(
                name,
                audience,
                model =>
                {
                    var answer = FactsAnswer(
                        View(model, audience),
                        $"{model.Name}: disputes",
                        ModelAttributes.All.ToArray()
                    );
                    var disputed = answer.Facts.Where(f => f.Dispute is not null).ToList();
                    return disputed.Count == 0
                        ? answer with
                        {
                            Kind = AnswerKind.Facts,
                            Headline = "No disputes: the sources agree on everything recorded.",
                            Lead = new LeadLine($"{model.Name}: no disputes", ["the sources agree on everything recorded"]),
                            Facts = [],
                            Citations = [],
                            Actions = LeadLines.Actions(model, disputed: false),
                        }
                        : answer with
                        {
                            Headline = $"{disputed.Count} disputed fact(s).",
                            Lead = new LeadLine(
                                $"{model.Name}: {disputed.Count} disputed fact(s)",
                                disputed.Select(f => f.Label.ToLowerInvariant()).ToList()
                            ),
                            Facts = disputed,
                            Actions = [new AnswerAction("Sources", $"sources {model.Id}")],
                        };
                }
            );
        var book = new CitationBook();
        var lines = Disputed(audience)
            .SelectMany(model =>
            {
                var view = View(model, audience);
                return view.Analyse(ModelAttributes.All)
                    .Where(f => f.IsDisputed)
                    .Select(f => FactLines.For(f, book, view, model.Name)!);
            })
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
        var visible = store.AllModels().Where(m => audience.CanSee(m.Scope)).ToList();
        var models = visible;
        if (developer is not null)
        {
            var key = Names.Key(developer);
            models = visible
                .Where(m => Names.Key(m.Developer).Contains(key, StringComparison.Ordinal) || m.Family == key)
                .ToList();
            if (models.Count == 0)
            {
                var developers = visible.Select(m => m.Developer).Distinct().Order();
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

    /// <summary>The model's status derived from its dated claims, e.g. "API since 9 Jul 2025 · no open weights".</summary>
    public string StatusText(Model model) => ReleaseStatus.Of(View(model, new Audience(model.Scope))).Text;

    public IReadOnlyList<FactAnalysis> Analyse(Model model, Audience audience, ModelAttribute[] attributes) =>
        View(model, audience).Analyse(attributes);

    private static Answer FactsAnswer(ModelView view, string title, ModelAttribute[] attributes, bool dated = true)
    {
        var book = new CitationBook();
        var facts = view.Analyse(attributes);
        var lines = facts.Select(f => FactLines.For(f, book, view)).OfType<FactLine>().ToList();
        var missing = facts.Where(f => !f.IsRecorded).Select(f => f.Attribute.Label().ToLowerInvariant()).ToList();
        var notes = new List<string>();
        if (lines.Count == 0)
            notes.Add("Nothing on this is recorded for this model: no source in the knowledge base states it.");
        else if (missing.Count > 0 && attributes.Length <= 5)
            notes.Add($"Not recorded: {string.Join(", ", missing)}.");
        var lead = LeadLines.For(view, facts);
        if (attributes.Contains(ModelAttribute.Developer) && !view[ModelAttribute.Developer].IsRecorded)
        {
            var (line, context) = DeveloperOnRecord(view, book);
            lines.Add(line);
            if (attributes[0] == ModelAttribute.Developer)
                lead = new LeadLine($"{view.Model.Name}: made by {view.Model.Developer}", [context]);
            notes.RemoveAll(n => n.StartsWith("Nothing on this", StringComparison.Ordinal));
        }
        var status = ReleaseStatus.Of(view);
        if (attributes[0] == Topics.Release.Attributes[0])
            lead = StatusLead(view, status);
        lines.Insert(0, StatusLine(view, status, book));
        return Dated(
            new Answer(AnswerKind.Facts, title, LeadLines.Text(lead), lines, book.Citations, notes)
            {
                Lead = lead,
                Actions = LeadLines.Actions(view.Model, lines.Any(l => l.Dispute is not null)),
            },
            dated ? view : null
        );
    }

    /// <summary>
    /// Who made a model when no claim says it: the developer the model is filed under, backed by the developer's own
    /// publications about it (its primary sources), if there are any.
    /// </summary>
    private static (FactLine Line, string Context) DeveloperOnRecord(ModelView view, CitationBook book)
    {
        var own = view
            .Claims.Where(c => c.Source.Kind == SourceKind.Primary && c.Claim.Rank != Rank.Deprecated)
            .Select(c => book.Cite(c.Source, c.Claim.Quote))
            .Distinct()
            .Order()
            .Take(2)
            .ToList();
        var words = own.Count > 0
            ? $"{view.Model.Developer}'s own publications about it are cited"
            : "as the knowledge base files it; no source cited here states it";
        return (
            new FactLine(
                ModelAttribute.Developer.Label(),
                view.Model.Developer,
                own.Count > 0 ? Confidence.Confirmed : Confidence.Unknown,
                own,
                Assessment: words
            ),
            words
        );
    }

    /// <summary>
    /// A release answer leads with where the model stands, then the first dates or notes behind it that the status
    /// does not already say, and any promise.
    /// </summary>
    private static LeadLine StatusLead(ModelView view, ReleaseStatus status)
    {
        var text = $"{view.Model.Name}: {status.Text}";
        var context = new List<string>();
        foreach (var fact in view.Analyse(Topics.Release.Attributes).Where(f => f.Lead is not null))
        {
            var value = fact.Lead!.Best.Value.Display;
            if (fact.Attribute == ModelAttribute.PlannedOpenWeights && status.HasOpenWeights)
                continue;
            if (text.Contains(value, StringComparison.Ordinal) || context.Any(c => c.Contains(value, StringComparison.Ordinal)))
                continue;
            var said = LeadLines.Short(fact);
            context.Add(said);
            if (fact.Attribute == ModelAttribute.PlannedOpenWeights)
            {
                context.Add(LeadLines.Beside(said, FactLines.Assessment(fact, view.Context)));
                if (LeadLines.Warning(fact, view) is { } warning)
                    context.Add(warning);
            }
            if (context.Count >= 3)
                break;
        }
        return new LeadLine(text, context);
    }

    /// <summary>Where the model stands, from its dated claims, citing the claims the dates come from.</summary>
    private static FactLine StatusLine(ModelView view, ReleaseStatus status, CitationBook book)
    {
        var used = ReleaseStatus
            .Attributes.Select(a => view[a].Lead)
            .OfType<Side>()
            .SelectMany(s => s.Claims)
            .Select(c => book.Cite(c.Source, c.Claim.Quote))
            .Distinct()
            .Order()
            .ToList();
        return new FactLine(
            "Status",
            $"{status.Text} · by {view.Model.Developer}",
            used.Count > 0 ? Confidence.Confirmed : Confidence.Unknown,
            used,
            Assessment: $"derived from the dated claims below; the sources were last checked {view.AsOfText}"
        );
    }

    private Answer WithModel(string name, Audience audience, Func<Model, Answer> answer) =>
        resolver.Resolve(name, audience) is var resolution && resolution is Resolution.Resolution.Found found
            ? answer(found.Model)
            : NotFound(resolution);

    private const int ShownCandidates = 12;

    public static Answer NotFound(Resolution.Resolution resolution) =>
        resolution switch
        {
            Resolution.Resolution.Ambiguous a => Answer.Message(
                AnswerKind.Ambiguous,
                $"Which '{a.Query}'?",
                $"'{a.Query}' could mean: {string.Join(", ", a.Candidates.Take(ShownCandidates).Select(m => m.Name))}"
                    + (a.Candidates.Count > ShownCandidates ? $" and {a.Candidates.Count - ShownCandidates} more" : "")
                    + ". Please name one."
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
