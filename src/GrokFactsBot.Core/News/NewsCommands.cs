using System.Globalization;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.News;

/// <summary><c>news [developer] [days]</c>: what the bot recorded lately, dated and cited.</summary>
public sealed class NewsCommands(NewsDigest digest) : ICommandHandler
{
    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new(
            "news",
            "What's new: the newest releases and changes recorded, dated and cited",
            [
                new("developer", "Only this developer, e.g. xai", Required: false),
                new(
                    "days",
                    $"How many days back, 1–{NewsDigest.MaxDays} (default {NewsDigest.DefaultDays})",
                    OptionKind.Integer,
                    Required: false
                ),
            ]
        ),
    ];

    public Answer Handle(CommandRequest request)
    {
        // Typed text puts everything after the developer's first word into "days": "news moonshot ai 7".
        var words = string.Join(' ', new[] { request.Arg("developer"), request.Arg("days") }.OfType<string>())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        var days = NewsDigest.DefaultDays;
        if (words.Count > 0 && words[^1].All(char.IsAsciiDigit))
        {
            if (!int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > NewsDigest.MaxDays)
                return Answer.Message(
                    AnswerKind.Usage,
                    "Which days?",
                    $"days must be a whole number from 1 to {NewsDigest.MaxDays}, e.g. `news xai 7`."
                );
            words.RemoveAt(words.Count - 1);
        }
        var (key, name, problem) = digest.Developer(words.Count == 0 ? null : string.Join(' ', words), request.Audience);
        return problem is not null
            ? Answer.Message(AnswerKind.Usage, "Which developer?", problem)
            : digest.Build(key, name, days, request.Audience);
    }
}
