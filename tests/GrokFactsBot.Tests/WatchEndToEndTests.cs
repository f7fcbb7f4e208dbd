using System.Net;
using System.Text.Json.Nodes;
using GrokFactsBot.Testing;
using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Testing.HuggingFace;
using GrokFactsBot.Testing.Slack;
using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>
/// Issue 14, "done when": a lab's Hugging Face organisation publishes a repo, and a subscribed Discord channel and a
/// subscribed Slack channel each get one update naming it, also when the bot is killed (SIGKILL) in the middle of the
/// poll that found it and started again on the same database; <c>news xai</c> then shows it. The built program runs
/// as a real process; Discord, Slack and the Hub are loopback fakes.
/// </summary>
public sealed class WatchEndToEndTests : IAsyncLifetime
{
    private const string SlackSecret = "watch-e2e-secret";
    private const string DiscordChannel = "700000000000000077",
        SlackChannel = "C0WATCHED";
    private static readonly GuildMember ChannelManager = new(
        "810000000000000007",
        DiscordChannel,
        "2002",
        GuildMember.ManageChannels
    );

    private readonly KnowledgeFolder _knowledge = new KnowledgeFolder("grokfacts-watch-e2e-").WithFile(
        "xai.yaml",
        Grok1Knowledge.WithWeights
    );
    private readonly Signer _signer = new();
    private FakeDiscord _discord = null!;
    private FakeSlack _slack = null!;
    private FakeHuggingFace _hub = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _slack = await FakeSlack.StartAsync();
        _hub = await FakeHuggingFace.StartAsync(
            new FakeRepo("xai-org/grok-1", new(2024, 3, 17, 0, 0, 0, TimeSpan.Zero), 316_000_000_000)
        );
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _slack.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
        _knowledge.Dispose();
    }

    private Dictionary<string, string> Environment() =>
        BotSettings.AsEnvironment(
        [
            new("Knowledge:Directory", _knowledge.Folder),
            new("Storage:DatabasePath", _knowledge.DatabasePath),
            .. BotSettings.DiscordHttp(_signer, _discord, "watch-e2e-token"),
            .. BotSettings.SlackHttp(_slack, SlackSecret, "xoxb-watch-e2e"),
            new("Watch:HuggingFace:Enabled", "true"),
            new("Watch:HuggingFace:BaseUrl", _hub.BaseUrl),
            new("Watch:HuggingFace:Organizations:0", "xai-org"),
            // Short for the test; the default is 15 minutes. Nothing waits on it: each step awaits a request.
            new("Watch:HuggingFace:Interval", "00:00:00.200"),
        ]);

    [Fact]
    public async Task A_repo_published_by_a_watched_lab_reaches_a_subscribed_Discord_and_Slack_channel_once_even_after_a_kill_mid_poll()
    {
        var first = BotProcess.Start([], Environment());
        using var firstClient = new HttpClient { BaseAddress = new Uri(await first.Listening) };
        // The first poll notes what is there; the one after it is conditional and answered 304.
        await _hub.WaitForRequestAsync(r => r.IsListing && r.Status == 304);
        Assert.StartsWith("Subscribed", await DiscordAsync(firstClient, "subscribe", ("developer", "xAI")), StringComparison.Ordinal);
        Assert.Contains("Subscribed", await SlackAsync(firstClient, "subscribe developer:xai"), StringComparison.Ordinal);

        _hub.HoldModelRequests("xai-org/grok-3");
        _hub.Publish(new FakeRepo("xai-org/grok-3", DateTimeOffset.UtcNow, 1_200_000_000_000, "apache-2.0"));
        await _hub.WaitForRequestAsync(r => r.Path == "/api/models/xai-org/grok-3" && r.Status == 0);
        await first.DisposeAsync(); // SIGKILL, in the middle of the poll that found the repo
        _hub.ReleaseModelRequests();

        await using var second = BotProcess.Start([], Environment());
        using var client = new HttpClient { BaseAddress = new Uri(await second.Listening) };
        var posted = await _discord.WaitForRequestAsync(r =>
            r.Method == "POST" && r.Path == $"/channels/{DiscordChannel}/messages"
        );
        Assert.Contains("New open weights: xai-org/grok-3", posted.Json["embeds"]!.ToJsonString(), StringComparison.Ordinal);
        var slackPost = JsonNode.Parse((await _slack.NextCallAsync("chat.postMessage")).Body)!;
        Assert.Equal(SlackChannel, (string?)slackPost["channel"]);
        Assert.Contains(SlackJson.Texts(slackPost), t => t.Contains("xai-org/grok-3", StringComparison.Ordinal));

        // Two more polls find nothing new; by then the one update has been delivered to both channels and no other.
        var polls = _hub.Requests.Count(r => r.IsListing);
        await _hub.WaitForRequestAsync(r => r.IsListing && r.Status == 304 && _hub.Requests.Count(q => q.IsListing) >= polls + 2);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Matches(@"grokfacts_watch_new_releases_total\{[^}]*watcher=""huggingface""[^}]*\} 1\b", metrics);
        Assert.Matches(@"grokfacts_watch_polls_total\{[^}]*outcome=""ok""[^}]*\} [1-9]", metrics);
        Assert.Single(_discord.Requests, r => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");

        var news = await SlackAsync(client, "news xai");
        Assert.Contains("New open weights: xai-org/grok-3", news, StringComparison.Ordinal);
        Assert.Contains("https://huggingface.co/xai-org/grok-3", news, StringComparison.Ordinal);
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<string> DiscordAsync(HttpClient client, string command, params (string, string)[] options)
    {
        using var request = DiscordInteraction.Signed(
            _signer,
            DiscordInteraction.Command(ChannelManager, command, null, options)
        );
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)json["data"]?["embeds"]?[0]?["title"] ?? "";
    }

    private async Task<string> SlackAsync(HttpClient client, string text)
    {
        using var request = SlackCommandRequest.Signed(
            SlackCommandRequest.Form(text, _slack.ResponseUrl("watch"), user: "U0MEMBER", team: "T0TEAM", channel: SlackChannel),
            SlackSecret
        );
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", SlackJson.Texts(JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }
}
