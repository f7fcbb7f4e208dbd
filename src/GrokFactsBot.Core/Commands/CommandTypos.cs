using F23.StringSimilarity;
using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Commands;

/// <summary>
/// "licnse grok-1" is a misspelt command, not a question about Grok-1: a first word one or two letters away from a
/// command name gets "did you mean `license`?" rather than whatever the rest of the line would answer.
/// </summary>
public static class CommandTypos
{
    private static readonly OptimalStringAlignment Distance = new();

    public static Answer? Suggest(string line, IEnumerable<CommandDefinition> definitions)
    {
        var word = line.TrimStart('/').Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (word is null || word.Length < 4 || !word.All(char.IsLetter))
            return null;
        var lower = word.ToLowerInvariant();
        var allowed = lower.Length <= 5 ? 1 : 2;
        var nearest = definitions
            .Select(d => (Definition: d, Distance: Distance.Distance(lower, d.Name)))
            .Where(x => x.Distance > 0 && x.Distance <= allowed)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Definition.Name, StringComparer.Ordinal)
            .Select(x => x.Definition)
            .FirstOrDefault();
        return nearest is null
            ? null
            : Answer.Message(
                AnswerKind.Usage,
                "Unknown command",
                $"There is no command `{word}`. Did you mean `{nearest.Name}`?",
                $"Usage: `{nearest.Usage.Split('\n')[0]}`"
            );
    }
}
