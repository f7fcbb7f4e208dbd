using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Tests.Curation;

public sealed class PermissionMatrixTests
{
    public enum Role
    {
        GlobalAdmin,
        ServerAdmin,
        Member,
    }

    private static Caller As(Role role, Platform platform, string server = "A") =>
        role switch
        {
            Role.GlobalAdmin => Callers.GlobalAdmin(platform, server),
            Role.ServerAdmin => Callers.ServerAdmin(platform, server),
            _ => Callers.Member(platform, server),
        };

    [Theory]
    [InlineData(Platform.Discord, Role.GlobalAdmin, "shared")]
    [InlineData(Platform.Discord, Role.ServerAdmin, "local")]
    [InlineData(Platform.Discord, Role.Member, "refused: Manage Server")]
    [InlineData(Platform.Slack, Role.GlobalAdmin, "shared")]
    [InlineData(Platform.Slack, Role.ServerAdmin, "local")]
    [InlineData(Platform.Slack, Role.Member, "refused: workspace admin")]
    public void Fact_add_lands_where_the_callers_role_allows(Platform platform, Role role, string expected)
    {
        using var bed = new CurationBed();
        bed.Import();

        var reply = bed.Run("fact add grok-1 context_length 8192 https://x.ai/blog/grok", As(role, platform));
        var fromOtherServer = bed.Run("context grok-1", Callers.Member(platform, "B"));

        if (expected.StartsWith("refused", StringComparison.Ordinal))
        {
            Assert.Equal(AnswerKind.Refused, reply.Kind);
            Assert.Contains(expected["refused: ".Length..], reply.Headline);
            Assert.DoesNotContain(
                bed.Store.ClaimsFor("grok-1"),
                c => c.Attribute == Domain.ModelAttribute.ContextLength
            );
            return;
        }
        Assert.Equal(AnswerKind.Facts, reply.Kind);
        var line = Assert.Single(reply.Facts, f => f.Label == "Context length");
        Assert.Equal(expected == "local", line.ScopeLabel is not null);
        Assert.Equal(expected == "shared", fromOtherServer.Facts.Any(f => f.Label == "Context length"));
    }

    [Theory]
    [InlineData(Role.GlobalAdmin, true)]
    [InlineData(Role.ServerAdmin, false)]
    [InlineData(Role.Member, false)]
    public void Only_global_admins_change_a_shared_claim(Role role, bool allowed)
    {
        using var bed = new CurationBed();
        bed.Import();
        var shared = bed.Store.ClaimsFor("grok-1").First(c => c.Attribute == Domain.ModelAttribute.License);

        var reply = bed.Run($"fact retract {shared.Id} \"the repo says otherwise\"", As(role, Platform.Discord));

        Assert.Equal(allowed, reply.Kind != AnswerKind.Refused);
        Assert.Equal(allowed ? Domain.Rank.Deprecated : Domain.Rank.Normal, bed.Store.FindClaim(shared.Id)!.Rank);
        if (!allowed)
            Assert.Contains(role == Role.Member ? "Manage Server" : "global bot admin", reply.Headline);
    }

    [Fact]
    public void Promoting_needs_a_global_admin_and_then_every_server_sees_the_fact()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run("fact add grok-1 context_length 8192 https://x.ai/blog/grok", Callers.ServerAdmin(Platform.Discord));
        var local = bed.Store.ClaimsFor("grok-1").Single(c => c.Attribute == Domain.ModelAttribute.ContextLength);

        var byServerAdmin = bed.Run($"fact promote {local.Id}", Callers.ServerAdmin(Platform.Discord));
        var byGlobalAdmin = bed.Run($"fact promote {local.Id}", Callers.GlobalAdmin(Platform.Discord));

        Assert.Equal(AnswerKind.Refused, byServerAdmin.Kind);
        Assert.NotEqual(AnswerKind.Refused, byGlobalAdmin.Kind);
        Assert.Contains(
            bed.Run("context grok-1", Callers.Member(Platform.Slack, "Z")).Facts,
            f => f.Label == "Context length" && f.ScopeLabel is null
        );
    }

    [Fact]
    public void The_console_is_a_global_admin()
    {
        using var bed = new CurationBed();
        bed.Import();

        var reply = bed.Run("fact add grok-2 license MIT https://example.com", Caller.Console("owner"));

        Assert.Equal(AnswerKind.Facts, reply.Kind);
        Assert.StartsWith("Added claim", reply.Title, StringComparison.Ordinal);
        Assert.All(bed.Store.ClaimsFor("grok-2"), c => Assert.Null(c.Scope));
    }
}
