using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Tests.Presentation;

public sealed class VisibilityRuleTests
{
    [Theory]
    [InlineData(AnswerKind.Facts, true, null, Visibility.Public, Visibility.Public)]
    [InlineData(AnswerKind.Facts, true, null, Visibility.Private, Visibility.Private)]
    [InlineData(AnswerKind.Facts, true, Visibility.Private, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Facts, true, Visibility.Public, Visibility.Private, Visibility.Public)]
    [InlineData(AnswerKind.List, true, null, Visibility.Public, Visibility.Public)]
    [InlineData(AnswerKind.NotFound, true, Visibility.Public, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Ambiguous, true, Visibility.Public, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Usage, true, Visibility.Public, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Refused, true, Visibility.Public, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Help, false, Visibility.Public, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Done, false, null, Visibility.Public, Visibility.Private)]
    [InlineData(AnswerKind.Done, false, Visibility.Public, Visibility.Private, Visibility.Public)]
    [InlineData(AnswerKind.Facts, false, null, Visibility.Public, Visibility.Private)]
    public void Answers_to_questions_are_public_by_default_and_errors_always_private(
        AnswerKind kind,
        bool isQuestion,
        Visibility? requested,
        Visibility serverDefault,
        Visibility expected
    ) =>
        Assert.Equal(
            expected,
            VisibilityRule.Decide(Answer.Message(kind, "t", "x"), isQuestion, requested, serverDefault)
        );

    [Theory]
    [InlineData("params grok-1", "params grok-1", null, false)]
    [InlineData("params grok-1 private", "params grok-1", Visibility.Private, false)]
    [InlineData("params grok-1 PUBLIC", "params grok-1", Visibility.Public, false)]
    [InlineData("params grok-1 --public", "params grok-1", Visibility.Public, false)]
    [InlineData("model grok-1 full", "model grok-1", null, true)]
    [InlineData("model grok-1 full private", "model grok-1", Visibility.Private, true)]
    [InlineData("model grok-1 private full", "model grok-1", Visibility.Private, true)]
    [InlineData("public", "", Visibility.Public, false)]
    [InlineData("is grok-1 republic", "is grok-1 republic", null, false)]
    [InlineData("public models", "public models", null, false)]
    [InlineData("grok-1 fully", "grok-1 fully", null, false)]
    public void Trailing_words_choose_who_sees_it_and_the_full_view(
        string text,
        string rest,
        Visibility? requested,
        bool full
    ) => Assert.Equal(new TrailingWords(rest, requested, full), TrailingWords.Split(text));

    [Theory]
    [InlineData("true", Visibility.Private)]
    [InlineData("false", Visibility.Public)]
    [InlineData(null, null)]
    [InlineData("maybe", null)]
    public void The_discord_option_is_a_boolean(string? value, Visibility? expected) =>
        Assert.Equal(expected, VisibilityRule.FromOption(value));
}
