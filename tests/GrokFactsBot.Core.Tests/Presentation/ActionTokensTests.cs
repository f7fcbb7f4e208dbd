using GrokFactsBot.Core.Presentation;
using Microsoft.Extensions.Time.Testing;

namespace GrokFactsBot.Core.Tests.Presentation;

public sealed class ActionTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ActionTokens _tokens;

    public ActionTokensTests() => _tokens = new ActionTokens(new ActionKey(new byte[32]), _time);

    [Theory]
    [InlineData("sources grok-2", 0, false)]
    [InlineData("models developer:\"xAI\"", 3, true)]
    [InlineData("disputes deepseek-v4-pro", 0, false)]
    public void A_button_id_reads_back_as_what_it_opens(string command, int page, bool turnsPage)
    {
        var token = _tokens.Issue(command, page, turnsPage)!;
        Assert.InRange(token.Length, 1, ActionTokens.MaxLength);
        Assert.Equal(new ButtonTicket(TicketStatus.Valid, command, page, turnsPage), _tokens.Read(token));
    }

    [Theory]
    [InlineData("sources grok-2", "sources grok-1")]
    [InlineData("sources grok-2", "fact retract abc123 because")]
    [InlineData(":o0:", ":p0:")]
    [InlineData(":o0:", ":o9:")]
    public void An_altered_id_is_refused(string from, string to)
    {
        var token = _tokens.Issue("sources grok-2")!;
        Assert.Equal(TicketStatus.Invalid, _tokens.Read(token.Replace(from, to, StringComparison.Ordinal)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("g1")]
    [InlineData("g1:o0:2526:AAAAAAAAAA:sources grok-2")]
    [InlineData("g0:o0:2526:AAAAAAAAAA:sources grok-2")]
    [InlineData("g1:x0:2526:AAAAAAAAAA:sources grok-2")]
    public void Ids_the_bot_did_not_make_are_refused(string? token) =>
        Assert.Equal(TicketStatus.Invalid, _tokens.Read(token).Status);

    [Fact]
    public void An_id_over_100_characters_is_never_made_nor_read()
    {
        var command = "sources " + new string('x', 90);
        Assert.Null(_tokens.Issue(command));
        var other = new ActionTokens(new ActionKey(new byte[32]), _time);
        Assert.Equal(TicketStatus.Invalid, other.Read("g1:o0:2526:AAAAAAAAAA:" + command).Status);
    }

    [Fact]
    public void A_button_older_than_its_lifetime_has_expired_and_still_says_what_it_was()
    {
        var token = _tokens.Issue("sources grok-2")!;
        _time.Advance(TimeSpan.FromDays(ActionTokens.Lifetime));
        Assert.Equal(TicketStatus.Valid, _tokens.Read(token).Status);
        _time.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(new ButtonTicket(TicketStatus.Expired, "sources grok-2"), _tokens.Read(token));
    }

    [Fact]
    public void Another_installations_buttons_are_refused()
    {
        var key = new byte[32];
        key[0] = 1;
        var token = new ActionTokens(new ActionKey(key), _time).Issue("sources grok-2")!;
        Assert.Equal(TicketStatus.Invalid, _tokens.Read(token).Status);
    }
}
