using System.Text.RegularExpressions;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Asking;
using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.News;

/// <summary>
/// "what's new from xai", "any news from Meta?", "latest releases": <c>news</c>, with the developer named after
/// from/by/at when there is one.
/// </summary>
public sealed partial class NewsQuestion(NewsDigest digest) : IQuestionRoute
{
    public Answer? TryAnswer(string question, Audience audience)
    {
        var match = Asked().Match(question);
        if (!match.Success)
            return null;
        var named = match.Groups["who"].Success ? match.Groups["who"].Value.Trim() : null;
        var (key, name, problem) = digest.Developer(named, audience);
        return problem is not null
            ? Answer.Message(AnswerKind.Usage, "Which developer?", problem)
            : digest.Build(key, name, NewsDigest.DefaultDays, audience);
    }

    [GeneratedRegex(
        @"^\W*(?:what'?s|what\s+is|anything|any)?\s*(?:new|news|latest\s+releases?|recent\s+releases?)(?:\s+(?:from|by|at|of|for)\s+(?<who>[\w .-]+?))?\s*[?.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Asked();
}
