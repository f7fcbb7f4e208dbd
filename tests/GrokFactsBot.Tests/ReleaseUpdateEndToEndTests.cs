using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Testing.Slack;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>
/// Issue 5, "done when": a global admin adds a fact from Discord and every subscribed channel on both platforms gets
/// one cited message, while another server's admin cannot touch the shared base. The real program, both front ends
/// in Http mode, every step a signed platform request; Discord and Slack are loopback fakes.
/// </summary>
public sealed partial class ReleaseUpdateEndToEndTests : IAsyncLifetime
{
    private const string SlackSecret = "e2e-signing-secret";
    private const string ChannelA = "700000000000000001",
        ChannelB = "C0CHANNELB";
    private const string WeightsUrl = "https://testlab.example/blog/v9-medium-weights";
    private static readonly GuildMember GlobalAdmin = new("810000000000000001", "700000000000000009", "1001");
    private static readonly GuildMember ChannelManager = new(
        "810000000000000001",
        ChannelA,
        "2002",
        GuildMember.ManageChannels
    );
    private static readonly GuildMember OtherGuildAdmin = new(
        "820000000000000002",
        "720000000000000001",
        "3003",
        GuildMember.ManageGuild
    );

    private TwoPlatformRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await TwoPlatformRig.StartAsync("grokfacts-e2e-", SlackSecret, GlobalAdmin.UserId);
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task A_global_admins_fact_reaches_each_subscribed_channel_once_and_another_guilds_admin_cannot_retract_it()
    {
        var discordSubscribed = await DiscordAsync(
            ChannelManager,
            "subscribe",
            null,
            ("developer", "TestLab"),
            ("kind", "release")
        );
        Assert.StartsWith("Subscribed", Title(discordSubscribed), StringComparison.Ordinal);
        var slackSubscribed = await SlackAsync("subscribe model:test-v9-medium", ChannelB);
        Assert.Contains("Subscribed", string.Join("\n", SlackJson.Texts(slackSubscribed)), StringComparison.Ordinal);

        var added = await DiscordAsync(
            GlobalAdmin,
            "fact",
            "add",
            ("model", "Test V9-Medium"),
            ("attribute", "open_weights_released"),
            ("value", "2026-09-01"),
            ("source-url", WeightsUrl)
        );
        var claimId = AddedClaimId().Match(Title(added)) is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException("no claim id in: " + added);

        var posted = await _rig.Discord.WaitForRequestAsync(r =>
            r.Method == "POST" && r.Path == $"/channels/{ChannelA}/messages"
        );
        var message = posted.Json;
        Assert.False(string.IsNullOrEmpty((string?)message["nonce"]));
        Assert.True((bool)message["enforce_nonce"]!);
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains(WeightsUrl, message["embeds"]!.ToJsonString(), StringComparison.Ordinal);

        var slackPost = await _rig.Slack.NextCallAsync("chat.postMessage");
        var slackMessage = JsonNode.Parse(slackPost.Body)!;
        Assert.Equal(ChannelB, (string?)slackMessage["channel"]);
        Assert.Contains(SlackJson.Texts(slackMessage), t => t.Contains($"<{WeightsUrl}|", StringComparison.Ordinal));

        var refused = await DiscordAsync(
            OtherGuildAdmin,
            "fact",
            "retract",
            ("claim", claimId),
            ("reason", "Not in our server")
        );
        Assert.Equal(64, (int)refused["flags"]!);
        Assert.Equal("Not allowed", Title(refused));
        Assert.Contains("global bot admin", refused["embeds"]!.ToJsonString(), StringComparison.Ordinal);

        var sources = (await DiscordAsync(OtherGuildAdmin, "sources", null, ("model", "test-v9-medium")))[
            "embeds"
        ]!.ToJsonString();
        Assert.Contains(claimId, sources, StringComparison.Ordinal);
        Assert.DoesNotContain("retracted", sources, StringComparison.OrdinalIgnoreCase);
        Assert.Single(
            _rig.Discord.Requests,
            r => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal)
        );
        Assert.Single(_rig.Slack.Calls, c => c.Method == "chat.postMessage");
    }

    /// <summary>
    /// The answer's data: inline (type 4), or, when the machine was too busy to answer within the inline budget,
    /// deferred (type 5, its flags) and then edited into @original.
    /// </summary>
    private async Task<JsonNode> DiscordAsync(
        GuildMember member,
        string command,
        string? subcommand,
        params (string, string)[] options
    )
    {
        var interaction = DiscordInteraction.Command(member, command, subcommand, options);
        using var request = DiscordInteraction.Signed(_rig.Signer, interaction);
        using var response = await _rig.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if ((int)json["type"]! == 4)
            return json["data"]!;
        Assert.Equal(5, (int)json["type"]!);
        var token = (string)JsonNode.Parse(interaction)!["token"]!;
        var edit = (await _rig.Discord.WaitForRequestAsync(r =>
            r.Method == "PATCH" && r.Path.EndsWith($"/{token}/messages/@original", StringComparison.Ordinal)
        )).Json;
        edit["flags"] = json["data"]?["flags"]?.DeepClone();
        return edit;
    }

    private async Task<JsonNode> SlackAsync(string text, string channel)
    {
        using var request = SlackCommandRequest.Signed(
            SlackCommandRequest.Form(
                text,
                _rig.Slack.ResponseUrl("e2e"),
                user: "U0MEMBER",
                team: "T0TEAM",
                channel: channel
            ),
            SlackSecret
        );
        using var response = await _rig.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string Title(JsonNode data) => (string?)data["embeds"]?[0]?["title"] ?? "";

    [GeneratedRegex(@"Added claim (\S+) ·")]
    private static partial Regex AddedClaimId();
}
