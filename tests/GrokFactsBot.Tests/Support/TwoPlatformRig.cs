using GrokFactsBot.Testing.Discord;
using GrokFactsBot.Testing.Slack;

namespace GrokFactsBot.Tests.Support;

/// <summary>
/// The real program with both front ends in Http mode, on TestLab's knowledge, against loopback Discord and Slack
/// fakes, with one Discord user as global admin: started together, disposed together.
/// </summary>
public sealed class TwoPlatformRig : IAsyncDisposable
{
    private readonly KnowledgeFolder _knowledge;

    private TwoPlatformRig(KnowledgeFolder knowledge, FakeDiscord discord, FakeSlack slack)
    {
        _knowledge = knowledge;
        Discord = discord;
        Slack = slack;
    }

    public Signer Signer { get; } = new();

    public FakeDiscord Discord { get; }

    public FakeSlack Slack { get; }

    public TwoPlatformBot Bot { get; private set; } = null!;

    /// <summary>A client for the bot's real loopback address.</summary>
    public HttpClient Client { get; private set; } = null!;

    public static async Task<TwoPlatformRig> StartAsync(string folderPrefix, string slackSecret, string globalAdmin)
    {
        var rig = new TwoPlatformRig(
            TwoPlatformBot.TestLabKnowledge(folderPrefix),
            await FakeDiscord.StartAsync(),
            await FakeSlack.StartAsync()
        );
        rig.Bot = new TwoPlatformBot(
            TwoPlatformBot.Settings(rig._knowledge, rig.Signer, rig.Discord, rig.Slack, slackSecret, globalAdmin)
        );
        rig.Client = rig.Bot.StartKestrel();
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Bot is not null)
            await Bot.DisposeAsync();
        await Slack.DisposeAsync();
        await Discord.DisposeAsync();
        Signer.Dispose();
        _knowledge.Dispose();
    }
}
