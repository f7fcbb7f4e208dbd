using GrokFactsBot.Core;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Curation;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Testing.ChatApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrokFactsBot.Discord.Tests;

/// <summary>
/// A bot that dies while a post to a dead channel is on its way, restarted on the same file: the dead channel costs
/// one post, not two (Discord counts each 403 toward a ban), and only sends that had really left are treated as
/// interrupted.
/// </summary>
public sealed class InterruptedDeliveryTests : IAsyncLifetime
{
    private const string Dead = "910000000000000001",
        Healthy = "910000000000000002";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grokfacts-interrupted", Guid.NewGuid().ToString("N"));
    private FakeChatApi _api = null!;

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    public async Task InitializeAsync()
    {
        _api = await FakeChatApi.StartAsync();
        _api.DeadChannelLatency = TimeSpan.FromMinutes(5);
        _api.Gone[Dead] = 1;
        Directory.CreateDirectory(Path.Combine(_folder, "knowledge"));
        File.WriteAllText(
            Path.Combine(_folder, "knowledge", "m.yaml"),
            """
            sources:
              - { id: s, url: "https://example.com/v9", title: V9, publisher: Acme, kind: primary }
            models:
              - { id: v9-medium, name: V9-Medium, developer: Acme, family: v9, status: announced, claims: [] }
            """
        );
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_dead_channel_whose_post_was_in_flight_when_the_bot_died_is_asked_about_not_posted_to_again()
    {
        using (var first = Bot())
        {
            first.GetRequiredService<KnowledgeImporter>().Import(Path.Combine(_folder, "knowledge"));
            var runner = first.GetRequiredService<TextCommandRunner>();
            foreach (var channel in new[] { Dead, Healthy })
                runner.Run("subscribe", new Caller(Platform.Discord, "discord:u", "u", "discord:g", channel, false, false, true));
            runner.Run("fact add v9-medium license MIT https://example.com/v9", Caller.Console("owner"));

            using var dies = new CancellationTokenSource();
            var pass = first.GetRequiredService<DeliveryWorker>().RunOnceAsync(dies.Token);
            await _api.FirstDeadPostHeld.WaitAsync(TimeSpan.FromSeconds(30));
            await dies.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);
        }

        using var second = Bot();
        await second.GetRequiredService<DeliveryWorker>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, _api.Posts[Dead]);
        Assert.Equal(1, _api.MessagesIn(Healthy));
        var paused = Assert.Single(second.GetRequiredService<SubscriptionStore>().All(), s => !s.IsActive);
        Assert.Equal((Dead, PauseReason.ChannelGone), (paused.Channel.ChannelId, paused.Paused!.Reason));
        Assert.InRange(_api.Gets, 1, 2);
    }

    private ServiceProvider Bot()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = DatabasePath,
                ["Discord:BotToken"] = "interrupted",
                ["Discord:ApplicationId"] = "111",
                ["Discord:Mode"] = "Gateway",
                ["Discord:ApiBaseUrl"] = _api.BaseAddress.ToString(),
            }
        );
        builder.Services.AddKnowledgeCore().AddCuration();
        builder.AddDiscord();
        return builder.Services.BuildServiceProvider();
    }
}
