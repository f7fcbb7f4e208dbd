using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Tests.Curation;

namespace GrokFactsBot.Core.Tests.Commands;

/// <summary>
/// What a line needs before it runs, so a front end that must ask its platform for roles (Slack) asks only then.
/// </summary>
public sealed class PermissionForTests : IDisposable
{
    private readonly CurationBed _bed = new();

    [Theory]
    [InlineData("params grok-1", Permission.Everyone)]
    [InlineData("/license grok-1", Permission.Everyone)]
    [InlineData("grok1", Permission.Everyone)]
    [InlineData("how big is grok-1?", Permission.Everyone)]
    [InlineData("", Permission.Everyone)]
    [InlineData("help", Permission.Everyone)]
    [InlineData("no-such-command here", Permission.Everyone)]
    [InlineData("fact", Permission.Everyone)]
    [InlineData("fact frobnicate x", Permission.Everyone)]
    [InlineData("fact add grok-1 license MIT https://example.com/x", Permission.ServerAdmin)]
    [InlineData("FACT History grok-1", Permission.ServerAdmin)]
    [InlineData("fact promote k7q2mf", Permission.GlobalAdmin)]
    [InlineData("model add V9 xAI", Permission.ServerAdmin)]
    [InlineData("catalog alias grok-1 big-grok", Permission.ServerAdmin)]
    [InlineData("subscribe kind:license", Permission.ManageChannels)]
    [InlineData("subscriptions", Permission.Everyone)]
    public void A_line_needs_the_permission_of_the_command_it_runs(string line, Permission needed)
    {
        var runner = _bed.Get<TextCommandRunner>();

        Assert.Equal(needed, runner.PermissionFor(line, Caller.Console("t")));
    }

    [Fact]
    public void A_line_too_long_to_read_needs_nothing()
    {
        var runner = _bed.Get<TextCommandRunner>();

        Assert.Equal(
            Permission.Everyone,
            runner.PermissionFor("fact add " + new string('x', TextCommandRunner.MaxLength), Caller.Console("t"))
        );
    }

    public void Dispose() => _bed.Dispose();
}
