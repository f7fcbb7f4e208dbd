using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Testing.Slack;
using GrokFactsBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Tests;

/// <summary>
/// The real program with both front ends in Http mode: the same things happen on Discord and on Slack (a command
/// answered, a request with a bad signature refused, an update delivered to a subscribed channel), and every series
/// /metrics exports for one platform carries the same label names as the other platform's, with the platform
/// spelled alike.
/// </summary>
public sealed partial class MetricLabelTests : IAsyncLifetime
{
    private const string SlackSecret = "labels-signing-secret";
    private static readonly GuildMember Admin = new("810000000000000001", "700000000000000001", "1001");
    private static readonly GuildMember ChannelManager = new(
        "810000000000000001",
        "700000000000000001",
        "2002",
        GuildMember.ManageChannels
    );

    private readonly ConcurrentDictionary<string, int> _delivered = new();
    private readonly TaskCompletionSource _bothDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MeterListener _listener = null!;
    private TwoPlatformRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await TwoPlatformRig.StartAsync("grokfacts-labels-", SlackSecret, Admin.UserId);
        _listener = DeliveriesOf(_rig.Bot.Services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Discord_and_slack_series_carry_the_same_label_names()
    {
        await DiscordAsync(ChannelManager, "params", null, ("model", "test-v9-medium"));
        await SlackAsync("params test-v9-medium");
        await UnsignedAsync(DiscordInteraction.Path, new StringContent("{}"));
        await UnsignedAsync("/slack/commands", new FormUrlEncodedContent([new("command", "/params")]));
        await DiscordAsync(ChannelManager, "subscribe", null);
        await SlackAsync("subscribe");
        await DiscordAsync(
            Admin,
            "fact",
            "add",
            ("model", "Test V9-Medium"),
            ("attribute", "context_length"),
            ("value", "128000"),
            ("source-url", "https://testlab.example/blog/v9-medium-context")
        );
        // The update reaches both channels through the outbox; its counter is read once both deliveries counted.
        await _bothDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var metrics = await _rig.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var labels = LabelNamesByPlatform(metrics);
        foreach (
            var series in new[]
            {
                "grokfacts_commands_answered_total",
                "grokfacts_answer_duration_seconds_bucket",
                "grokfacts_answer_duration_seconds_count",
                "grokfacts_answer_duration_seconds_sum",
                "grokfacts_signature_failures_total",
                "grokfacts_outbox_deliveries_total",
            }
        )
        {
            Assert.True(labels.TryGetValue((series, "discord"), out var discord), $"no {series} for discord");
            Assert.True(labels.TryGetValue((series, "slack"), out var slack), $"no {series} for slack");
            Assert.Equal(discord, slack);
        }
        Assert.All(
            labels.Keys.Select(k => k.Series).Distinct(),
            series => Assert.Equal(labels.GetValueOrDefault((series, "discord")), labels.GetValueOrDefault((series, "slack")))
        );
        Assert.Matches(@"grokfacts_signature_failures_total\{[^}]*platform=""discord""[^}]*reason=""missing_headers""", metrics);
    }

    /// <summary>Each series' label names (sorted, joined) per platform value, from Prometheus text.</summary>
    private static Dictionary<(string Series, string Platform), string> LabelNamesByPlatform(string metrics)
    {
        var found = new Dictionary<(string, string), string>();
        foreach (Match line in SeriesLine().Matches(metrics))
        {
            var pairs = LabelPair().Matches(line.Groups["labels"].Value).ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value);
            if (!pairs.TryGetValue("platform", out var platform) || platform is not ("discord" or "slack"))
                continue;
            var names = string.Join(",", pairs.Keys.Order(StringComparer.Ordinal));
            var key = (line.Groups["name"].Value, platform);
            // Every series of one name and platform must agree too (a bucket's le is one of its labels).
            if (found.TryGetValue(key, out var earlier))
                Assert.Equal(earlier, names);
            found[key] = names;
        }
        return found;
    }

    private MeterListener DeliveriesOf(IMeterFactory scope)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Name == "grokfacts.outbox.deliveries")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (_, _, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "platform")
                        _delivered.AddOrUpdate(tag.Value?.ToString() ?? "", 1, (_, n) => n + 1);
                if (_delivered.Count >= 2)
                    _bothDelivered.TrySetResult();
            }
        );
        listener.Start();
        return listener;
    }

    private async Task DiscordAsync(GuildMember member, string command, string? subcommand, params (string, string)[] options)
    {
        using var request = DiscordInteraction.Signed(
            _rig.Signer,
            DiscordInteraction.Command(member, command, subcommand, options)
        );
        using var response = await _rig.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SlackAsync(string text)
    {
        using var request = SlackCommandRequest.Signed(
            SlackCommandRequest.Form(text, _rig.Slack.ResponseUrl("labels"), user: "U0MEMBER", team: "T0TEAM", channel: "C0LABELS"),
            SlackSecret
        );
        using var response = await _rig.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task UnsignedAsync(string path, HttpContent content)
    {
        using var response = await _rig.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        content.Dispose();
    }

    [GeneratedRegex(@"^(?<name>grokfacts_\w+)\{(?<labels>[^}]*)\} \S+", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();

    [GeneratedRegex(@"(\w+)=""([^""]*)""")]
    private static partial Regex LabelPair();
}
