using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Charts;

/// <summary>
/// <c>timeline [developer|family|open]</c>: the releases as a chart. Each chart is drawn once per knowledge
/// snapshot (and scope), so asking again costs nothing until the knowledge changes.
/// </summary>
public sealed class TimelineCommands(KnowledgeStore store, KnowledgeQueries queries) : ICommandHandler
{
    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new(
            "timeline",
            "Releases over time by size, as a chart",
            [new("which", "A developer or family (e.g. xai, llama), or open", Required: false, TakesRestOfLine: true)]
        ),
    ];

    public Answer Handle(CommandRequest request)
    {
        var filter = request.Arg("which");
        var audience = request.Audience;
        var snapshot = store.Snapshot;
        return snapshot.Derived(
            $"timeline:{audience.Scope}:{(filter is null ? "" : Names.Key(filter))}:{queries.Today.DayNumber}",
            s => Build(TimelineData.Of(queries, s.AllModels, audience, filter), filter)
        );
    }

    private static Answer Build(TimelineData? data, string? filter)
    {
        if (data is null)
            return Answer.Message(
                AnswerKind.NotFound,
                "Nothing to chart",
                $"No models by '{filter}' are in the knowledge base. Try `timeline`, `timeline open` or `models`."
            );
        // One citation per address: dataset rows are many sources on one page.
        var citations = data
            .Points.SelectMany(p => p.Sources)
            .DistinctBy(s => s.Url)
            .Select(
                (s, i) => new Citation(i + 1, s.Publisher, s.Title, s.Published?.Display, s.Url, s.Kind, null, s.Attribution)
            )
            .ToList();
        var number = citations.ToDictionary(c => c.Url, c => c.Number);
        var facts = data
            .Points.Select(p => new FactLine(
                p.Model.Name,
                $"{p.Released:d MMM yyyy} · {p.SizeText} · {(p.IsOpen ? "open weights" : "closed")}",
                p.IsUncertain ? Confidence.Claimed : Confidence.Confirmed,
                p.Sources.Select(s => number[s.Url]).Distinct().Order().ToList()
            ))
            .ToList();
        var (shown, more) = ShortCitations.Of(citations);
        var caption =
            "Sources: "
            + string.Join(", ", shown.Select(s => s.Label))
            + (more > 0 ? $" and {more} more" : "")
            + (data.WithoutSize + data.WithoutDate > 0 ? $" · not shown: {Missing(data)}" : "");
        caption = TextCut.Truncate(caption, 140);
        var png = data.Points.Count == 0 ? null : TimelineChart.Render(data, caption);
        var open = data.Points.Count(p => p.IsOpen);
        var lead = new LeadLine(
            $"Timeline of {data.Scope}: {data.Points.Count} models by release date and size",
            data.Points.Count == 0
                ? ["none has both a release date and a known size"]
                : [
                    $"{data.Points[0].Released:yyyy}–{data.Points[^1].Released:yyyy}",
                    $"{open} open weights, {data.Points.Count - open} closed",
                    "hollow: size disputed or only stated",
                ]
        );
        var name = $"timeline-{(filter is null ? "all" : Names.Key(filter))}.png";
        return new Answer(AnswerKind.Facts, $"Timeline: {data.Scope}", caption, facts, citations, [])
        {
            Lead = lead,
            Image = png is null
                ? null
                : new AnswerImage(name, png, $"{lead.Answer}; {string.Join("; ", lead.Context)}. {caption}"),
        };
    }

    private static string Missing(TimelineData data) =>
        string.Join(
            ", ",
            new[]
            {
                data.WithoutSize > 0 ? $"{data.WithoutSize} without a known size" : null,
                data.WithoutDate > 0 ? $"{data.WithoutDate} without a release date" : null,
            }.OfType<string>()
        );
}
