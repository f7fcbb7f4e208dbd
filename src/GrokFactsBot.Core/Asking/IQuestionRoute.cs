using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Resolution;

namespace GrokFactsBot.Core.Asking;

/// <summary>
/// A kind of question a feature answers itself ("what's new from xai" → news). <see cref="QuestionAnswerer"/> asks
/// each route before reading the question as one about models; a route answers only questions it is sure of.
/// </summary>
public interface IQuestionRoute
{
    Answer? TryAnswer(string question, Audience audience);
}
