using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Tests.Curation;
using GrokFactsBot.Core.Tests.Support;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Tests.Updates;

public sealed class UpdateDeliveryTests
{
    private static readonly Caller Owner = Caller.Console("owner");

    private static Caller Channel(Platform platform, string server, string channel) =>
        Callers.Make(
            platform,
            "mod",
            server,
            global: false,
            serverAdmin: false,
            channel: channel,
            manageChannels: true
        );

    [Fact]
    public async Task Each_matching_channel_gets_one_cited_update_and_the_filters_decide_which()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run("subscribe kind:license", Channel(Platform.Discord, "A", "licenses"));
        bed.Run("subscribe model:gpt", Channel(Platform.Discord, "A", "gpt"));
        bed.Run("subscribe developer:xai confidence:confirmed", Channel(Platform.Slack, "T1", "confirmed"));

        bed.Run("fact add grok-1 license MIT https://example.com/grok-1-license", Owner);
        bed.Run("fact add grok-1 context_length 8192 https://x.ai/news/grok-os", Owner);
        await bed.DrainAsync();

        var license = Assert.Single(bed.Discord.MessagesIn("A-licenses"));
        Assert.Contains("License MIT", license.Headline);
        Assert.Contains("per example.com [", license.Headline);
        Assert.Contains("disputed", license.Headline);
        Assert.Contains(license.Citations, c => c.Url == "https://example.com/grok-1-license");
        Assert.NotNull(Assert.Single(license.Facts, f => f.Label == "License").Dispute);
        Assert.Empty(bed.Discord.MessagesIn("A-gpt"));
        var confirmed = Assert.Single(bed.Slack.MessagesIn("T1-confirmed"));
        Assert.Contains("Context length", confirmed.Headline);
    }

    [Fact]
    public async Task No_backfill_unless_asked()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run("fact add grok-1 license MIT https://example.com/l", Owner);
        bed.Run("fact add grok-1 context_length 8192 https://example.com/c", Owner);

        bed.Run("subscribe", Channel(Platform.Discord, "A", "plain"));
        var reply = bed.Run("subscribe backfill:1", Channel(Platform.Discord, "A", "backfilled"));
        await bed.DrainAsync();

        Assert.Empty(bed.Discord.MessagesIn("A-plain"));
        Assert.Contains("Context length", Assert.Single(bed.Discord.MessagesIn("A-backfilled")).Headline);
        Assert.Contains("1 earlier update(s) queued", reply.Notes[0]);
    }

    [Fact]
    public async Task A_servers_local_fact_is_news_only_in_that_server_until_promoted()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run("subscribe", Channel(Platform.Discord, "A", "news"));
        bed.Run("subscribe", Channel(Platform.Discord, "B", "news"));

        bed.Run(
            "fact add grok-1 context_length 8192 https://example.com/c",
            Callers.ServerAdmin(Platform.Discord, "A")
        );
        await bed.DrainAsync();
        var local = bed.Store.ClaimsFor("grok-1").Single(c => c.Scope is not null);
        bed.Run($"fact promote {local.Id}", Owner);
        await bed.DrainAsync();

        Assert.Contains("Local to this server", Assert.Single(bed.Discord.MessagesIn("A-news")).Notes[1]);
        Assert.Contains("Promoted", Assert.Single(bed.Discord.MessagesIn("B-news")).Notes[0]);
    }

    [Fact]
    public async Task A_post_that_must_wait_is_retried_and_arrives_once()
    {
        using var bed = new CurationBed();
        bed.Import();
        bed.Run("subscribe", Channel(Platform.Discord, "A", "busy"));
        bed.Discord.Script(
            "A-busy",
            new PublishResult(PublishOutcome.RetryLater, "429", TimeSpan.FromMilliseconds(1)),
            new PublishResult(PublishOutcome.RetryLater, "502")
        );

        bed.Run("fact add grok-1 license MIT https://example.com/l", Owner);
        await bed.DrainAsync();

        Assert.Single(bed.Discord.MessagesIn("A-busy"));
        Assert.Equal(3, bed.Discord.Calls);
        Assert.Equal(0, bed.Outbox.PendingCount);
        Assert.Contains(
            "last delivery",
            bed.Run("subscriptions", Channel(Platform.Discord, "A", "busy")).Facts[0].Note
        );
    }

    [Theory]
    [InlineData(PublishOutcome.Forbidden, "may not post")]
    [InlineData(PublishOutcome.ChannelGone, "channel is gone")]
    public async Task A_403_or_404_pauses_the_subscription_with_its_reason_and_is_not_retried(
        PublishOutcome outcome,
        string shown
    )
    {
        using var bed = new CurationBed();
        bed.Import();
        var channel = Channel(Platform.Discord, "A", "locked");
        bed.Run("subscribe", channel);
        bed.Discord.Script("A-locked", new PublishResult(outcome, "from the fake"));

        bed.Run("fact add grok-1 license MIT https://example.com/l", Owner);
        await bed.DrainAsync();
        bed.Run("fact add grok-1 context_length 8192 https://example.com/c", Owner);
        await bed.DrainAsync();

        Assert.Equal(1, bed.Discord.Calls);
        var listed = Assert.Single(bed.Run("subscriptions", channel).Facts);
        Assert.Contains("paused since", listed.Note);
        Assert.Contains(shown, listed.Note);
        Assert.Contains("2 waiting", listed.Note);

        bed.Run("resume", channel);
        await bed.DrainAsync();
        Assert.Equal(2, bed.Discord.MessagesIn("A-locked").Count);
        Assert.StartsWith(
            "active",
            Assert.Single(bed.Run("subscriptions", channel).Facts).Note,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task An_import_that_adds_a_claim_raises_an_update_but_the_first_seeding_does_not()
    {
        using var bed = new CurationBed();
        bed.Import();
        Assert.Equal(0, bed.Outbox.LastSeq);
        bed.Run("subscribe kind:release", Channel(Platform.Slack, "T1", "releases"));

        bed.Write(
            "more.yaml",
            """
            models:
              - id: grok-9
                name: Grok 9
                developer: xAI
                family: grok
                status: announced
                status_as_of: 2026-09-01
                claims:
                  - attribute: announced
                    value: 2026-09-01
                    source: xai-grok-os
            """
        );
        Assert.True(bed.Import().Succeeded);
        await bed.DrainAsync();

        var update = Assert.Single(bed.Slack.MessagesIn("T1-releases"));
        Assert.StartsWith("New model: Grok 9 (xAI)", update.Headline, StringComparison.Ordinal);
        Assert.Contains("more.yaml", update.Notes[0]);
    }

    [Fact]
    public void Subscription_commands_refuse_members_and_bad_filters_with_the_reason()
    {
        using var bed = new CurationBed();
        bed.Import();
        var channel = Channel(Platform.Discord, "A", "x");

        Assert.Contains("Manage Channels", bed.Run("subscribe", Callers.Member(Platform.Discord)).Headline);
        Assert.Contains("kind 'weather'", bed.Run("subscribe kind:weather", channel).Headline);
        Assert.Contains("No models by 'acme'", bed.Run("subscribe developer:acme", channel).Headline);
        Assert.Contains("backfill must be", bed.Run("subscribe backfill:500", channel).Headline);
        Assert.Contains("no way to post", bed.Run("subscribe", Owner).Headline);
        Assert.Equal(AnswerKind.Done, bed.Run("subscribe xai", channel).Kind);
        Assert.Equal(
            "developer: xai · model: any · kind: all · confidence: any, rumours included",
            Assert.Single(bed.Run("subscriptions", channel).Facts).Value
        );
        Assert.Equal(AnswerKind.Done, bed.Run("unsubscribe", channel).Kind);
        Assert.Empty(bed.Run("subscriptions", channel).Facts);
    }
}
