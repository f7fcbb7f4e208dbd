using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Tests.Presentation;

public sealed class CommandTyposTests
{
    private static readonly CommandDefinition[] Commands =
    [
        new("license", "", []),
        new("params", "", []),
        new("models", "", []),
        new("model", "", []),
        new("compare", "", []),
        new("help", "", []),
    ];

    [Theory]
    [InlineData("licnse grok-1", "license")]
    [InlineData("/lisence grok-1", "license")]
    [InlineData("param grok-1", "params")]
    [InlineData("comapre grok-1 grok-2", "compare")]
    [InlineData("modle grok-1", "model")]
    [InlineData("what license is grok-1 under?", null)]
    [InlineData("grok-1", null)]
    [InlineData("is grok 1 open?", null)]
    [InlineData("hello", null)]
    [InlineData("tell me about grok", null)]
    [InlineData("license grok-1", null)]
    public void A_misspelt_command_gets_did_you_mean(string line, string? expected)
    {
        var answer = CommandTypos.Suggest(line, Commands);
        if (expected is null)
            Assert.Null(answer);
        else
            Assert.EndsWith($"Did you mean `{expected}`?", answer!.Headline, StringComparison.Ordinal);
    }
}
