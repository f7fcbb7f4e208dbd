using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Commands;

public sealed class CommandParsingTests : IDisposable
{
    private readonly KnowledgeFixture _kb = new();

    public CommandParsingTests() => _kb.Import();

    [Theory]
    [InlineData("/params grok-1", "params", "model", "grok-1")]
    [InlineData("params grok-1", "params", "model", "grok-1")]
    [InlineData("PARAMS Grok 1", "params", "model", "Grok 1")]
    [InlineData("params model:grok-1", "params", "model", "grok-1")]
    [InlineData("license \"grok 2.5\"", "license", "model", "grok 2.5")]
    [InlineData("compare grok-1 grok-2", "compare", "b", "grok-2")]
    [InlineData("models xAI", "models", "developer", "xAI")]
    [InlineData("ask is grok-1 open source?", "ask", "question", "is grok-1 open source?")]
    public void Lines_parse_into_the_shared_commands(string line, string command, string option, string value)
    {
        var request = _kb.Get<CommandLineParser>().Parse(line, Caller.Console("t"));
        Assert.NotNull(request);
        Assert.Equal(command, request!.Command);
        Assert.Equal(value, request.Arg(option));
    }

    [Theory]
    [InlineData("how big is grok-1")]
    [InlineData("grok-1")]
    [InlineData("")]
    public void Text_that_is_not_a_command_is_not_parsed(string line) =>
        Assert.Null(_kb.Get<CommandLineParser>().Parse(line, Caller.Console("t")));

    [Fact]
    public void A_missing_argument_gets_usage_not_an_error()
    {
        var answer = _kb.Run("params");
        Assert.Equal(AnswerKind.Usage, answer.Kind);
        Assert.Contains("params <model>", answer.Headline);
        Assert.True(answer.IsPrivate);
    }

    [Fact]
    public void Compare_splits_multi_word_names_without_quotes()
    {
        var answer = _kb.Run("compare the 0.5T model grok 2.5");
        Assert.Equal("Grok V8-small vs Grok 2", answer.Title);
    }

    [Fact]
    public void Help_lists_every_command_the_caller_may_run()
    {
        var answer = _kb.Run("help");
        Assert.Equal(AnswerKind.Help, answer.Kind);
        foreach (
            var name in new[]
            {
                "model",
                "params",
                "context",
                "release",
                "license",
                "compare",
                "sources",
                "disputes",
                "models",
                "ask",
                "help",
            }
        )
            Assert.Contains(answer.Facts, f => f.Label.StartsWith(name + " ") || f.Label == name);
    }

    [Fact]
    public void Overlong_input_is_refused_politely() =>
        Assert.Equal(AnswerKind.Usage, _kb.Run(new string('a', TextCommandRunner.MaxLength + 1)).Kind);

    [Fact]
    public void A_bare_model_name_shows_its_card() => Assert.Equal("Grok-1", _kb.Run("grok1").Title);

    [Fact]
    public void Sources_show_short_claim_ids_and_quotes()
    {
        var answer = _kb.Run("sources grok-1");
        Assert.All(answer.Facts, f => Assert.Matches("^[a-z2-9]{6} · ", f.Label));
        Assert.Contains(answer.Facts, f => f.Note == "“314 billion parameter Mixture-of-Experts model”");
    }

    public void Dispose() => _kb.Dispose();
}
