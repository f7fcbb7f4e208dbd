using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// "What is the largest open model?", "the biggest llama", "the largest model by DeepSeek", answered from the data
/// rather than anyone's say-so: the models in scope ranked by their leading total-parameter figure, each cited and
/// said as sure as it is. Open-weights rankings count only models whose weights are out under a licence that is not
/// proprietary.
/// </summary>
public sealed class LargestModels(KnowledgeStore store, KnowledgeQueries queries)
{
    private const int Shown = 5;

    public Answer OpenWeights(Audience audience) => Rank(audience, null, null, openOnly: true, null);

    public Answer Rank(
        Audience audience,
        IReadOnlyList<Model>? within,
        string? developer,
        bool openOnly,
        string? query
    )
    {
        var ranked = within is null && developer is null
            ? store.Snapshot.Derived(
                $"largest:{audience.Scope}:{audience.AsOf}:{openOnly}:{queries.Today.DayNumber}",
                s => Ranked(s.AllModels, audience, openOnly)
            )
            : Ranked(
                (within ?? store.Snapshot.AllModels).Where(m =>
                    developer is null || Names.Key(m.Developer) == Names.Key(developer)
                ),
                audience,
                openOnly
            );
        var scope = string.Join(
            " ",
            new[]
            {
                openOnly ? "open-weights" : null,
                within is not null && query is not null ? $"'{query}'" : null,
                "model",
                developer is null ? null : $"by {developer}",
            }.OfType<string>()
        );
        var title = $"Largest {scope}s";
        if (ranked.Count == 0)
            return Answer.Message(
                AnswerKind.Facts,
                title,
                $"No {(openOnly ? "released open-weights " : "")}model with a known size is recorded here."
            ) with
            {
                Lead = new LeadLine($"No {scope} with a known size is recorded", []),
            };
        var book = new CitationBook();
        var lines = ranked
            .Take(Shown)
            .Select(x => FactLines.For(x.View[ModelAttribute.TotalParameters], book, x.View, x.View.Model.Name)!)
            .ToList();
        var top = ranked[0].View;
        var headline =
            $"{top.Model.Name} is the largest {scope} in the knowledge base ({lines[0].Value} total parameters).";
        var context = new List<string> { lines[0].Assessment ?? "" };
        if (!openOnly)
            context.Add(ReleaseStatus.Of(top).Text);
        context.AddRange(ranked.Skip(1).Take(Shown - 1).Select(x => $"then {x.View.Model.Name}: {Size(x.View)}"));
        return new Answer(
            AnswerKind.List,
            title,
            headline,
            lines,
            book.Citations,
            [
                openOnly
                    ? "Ranked by each model's best-sourced total parameter count, among models whose weights are out under a non-proprietary license."
                    : "Ranked by each model's best-sourced total parameter count, released or not; each figure says how sure it is.",
            ]
        )
        {
            Lead = new LeadLine($"Largest {scope}: {top.Model.Name} ({Size(top)} total)", context),
            Actions = LeadLines.Actions(top.Model, lines[0].Dispute is not null),
        };
    }

    private static string Size(ModelView view) => view[ModelAttribute.TotalParameters].Lead!.Best.Value.Display;

    private List<(ModelView View, double Size)> Ranked(IEnumerable<Model> models, Audience audience, bool openOnly) =>
        models
            .Where(m => audience.CanSee(m.Scope))
            .Select(m => queries.View(m, audience))
            .Where(v => !openOnly || IsOpen(v))
            .Select(v => (View: v, Size: v[ModelAttribute.TotalParameters].Lead?.Best.Value as ParameterCount))
            .Where(x => x.Size is not null)
            .Select(x => (x.View, x.Size!.Magnitude.Value))
            .OrderByDescending(x => x.Value)
            .ThenBy(x => x.View.Model.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static bool IsOpen(ModelView view) =>
        ReleaseStatus.Of(view).HasOpenWeights
        && view[ModelAttribute.License].Lead?.Best.Value is LicenseValue { Class: not LicenseClass.Proprietary };
}
