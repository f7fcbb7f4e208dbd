using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Discord.Tests;

public sealed class RegisterCommandsTests : DiscordGraphTest
{
    private ICliVerb Verb => Services.GetRequiredKeyedService<ICliVerb>("register-commands");

    [Fact]
    public async Task Guild_registration_compares_then_bulk_overwrites_and_prints_the_changes()
    {
        Discord.Respond = r =>
            r.Method == "GET"
                ? new FakeResponse(
                    200,
                    """[{"id":"9","application_id":"111","name":"retired","description":"Old","type":1,"version":"1"}]"""
                )
                : null;
        using var output = new StringWriter();
        var code = await Verb.RunAsync(["--guild", "4242"], output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
        var put = Assert.Single(Discord.Requests, r => r.Method == "PUT");
        Assert.Equal("/applications/111/guilds/4242/commands", put.Path);
        var names = put.Json.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Contains("params", names);
        Assert.Contains("compare", names);
        Assert.Contains("removed: retired", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("added: ", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--guild")]
    [InlineData("--guild not-a-number")]
    [InlineData("global")]
    public async Task Bad_arguments_print_usage(string line)
    {
        var args = line.Split(' ');
        using var error = new StringWriter();
        Assert.Equal(2, await Verb.RunAsync(args, TextWriter.Null, error, CancellationToken.None));
        Assert.Contains("usage: register-commands", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Discord.Requests);
    }

    [Fact]
    public async Task A_rejected_token_is_explained()
    {
        Discord.Respond = _ => new FakeResponse(401, """{"message":"401: Unauthorized","code":0}""");
        using var error = new StringWriter();
        Assert.Equal(1, await Verb.RunAsync([], TextWriter.Null, error, CancellationToken.None));
        Assert.Contains("Discord:BotToken", error.ToString(), StringComparison.Ordinal);
        Assert.Single(Discord.Requests);
    }
}
