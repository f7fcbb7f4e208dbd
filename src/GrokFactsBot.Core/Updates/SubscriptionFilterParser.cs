using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// Reads <c>subscribe</c>'s filters into structured values, checking each against the knowledge base so a typo
/// is caught now rather than silently matching nothing forever.
/// </summary>
public sealed class SubscriptionFilterParser(KnowledgeStore store, Answers.KnowledgeQueries queries)
{
    public const int MaxBackfill = 20;

    public (SubscriptionFilter? Filter, int Backfill, string? Problem) Parse(CommandRequest request)
    {
        var visible = store.AllModels().Where(m => request.Audience.CanSee(m.Scope)).ToList();
        var developers = new List<string>();
        foreach (var developer in Split(request.Arg("developer")))
        {
            if (visible.All(m => Names.Key(m.Developer) != Names.Key(developer)))
                return Fail(
                    $"No models by '{developer}' are known. Developers: {string.Join(", ", visible.Select(m => m.Developer).Distinct().Order())}."
                );
            developers.Add(Names.Key(developer));
        }
        var models = new List<string>();
        foreach (var name in Split(request.Arg("model")))
        {
            if (visible.Any(m => m.Family == Names.Key(name)))
            {
                models.Add(Names.Key(name));
                continue;
            }
            if (queries.Resolve(name, request.Audience) is not Resolution.Resolution.Found found)
                return Fail($"'{name}' is neither a model nor a family here. Try `models` to see what is.");
            models.Add(found.Model.Id);
        }
        var kinds = UpdateKinds.None;
        foreach (var kind in Split(request.Arg("kind")))
        {
            if (!UpdateKindNames.TryParse(kind, out var parsed))
                return Fail($"kind '{kind}' is not one of {UpdateKindNames.Known}.");
            kinds |= parsed;
        }
        if (!TryConfidence(request.Arg("confidence"), out var atLeast))
            return Fail(
                $"confidence '{request.Arg("confidence")}' is not one of confirmed, likely (no rumours), any (include-rumours)."
            );
        var backfillText = request.Arg("backfill") ?? "0";
        if (!int.TryParse(backfillText, out var backfill) || backfill < 0 || backfill > MaxBackfill)
            return Fail(
                $"backfill must be a whole number from 0 to {MaxBackfill} (the most recent updates to send now)."
            );
        return (
            new SubscriptionFilter(developers.Distinct().ToList(), models.Distinct().ToList(), kinds, atLeast),
            backfill,
            null
        );
    }

    private static bool TryConfidence(string? text, out Confidence? atLeast)
    {
        atLeast = text?.ToLowerInvariant() switch
        {
            "confirmed" => Confidence.Confirmed,
            "likely" or "exclude-rumours" or "exclude-rumors" => Confidence.Likely,
            _ => null,
        };
        return atLeast is not null
            || text is null
            || text.ToLowerInvariant() is "any" or "include-rumours" or "include-rumors";
    }

    private static (SubscriptionFilter?, int, string?) Fail(string problem) => (null, 0, problem);

    private static IEnumerable<string> Split(string? text) =>
        text?.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
