using GrokFactsBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Tests.Support;

/// <summary>
/// The real program on Kestrel (127.0.0.1, any port) with the settings a test gives, e.g. both Discord and Slack in
/// Http mode.
/// </summary>
public sealed class TwoPlatformBot : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public TwoPlatformBot(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    /// <summary>One model, Test V9-Medium by TestLab (120B, from its announcement), in a folder of its own.</summary>
    public static KnowledgeFolder TestLabKnowledge(string prefix) =>
        new KnowledgeFolder(prefix).WithFile(
            "testlab.yaml",
            """
            sources:
              - id: testlab-announce
                url: https://testlab.example/blog/v9-medium
                title: Introducing Test V9-Medium
                publisher: TestLab
                published: 2026-08-01
                kind: primary
            models:
              - id: test-v9-medium
                name: Test V9-Medium
                developer: TestLab
                family: test
                status: announced
                aliases: [v9-medium]
                claims:
                  - attribute: total_parameters
                    value: 120B
                    source: testlab-announce
            """
        );

    /// <summary>
    /// Both front ends in Http mode against the fakes, on the folder's knowledge and database, with one Discord user as
    /// global admin.
    /// </summary>
    public static Dictionary<string, string> Settings(
        KnowledgeFolder knowledge,
        Testing.Discord.Signer signer,
        Testing.Discord.FakeDiscord discord,
        Testing.Slack.FakeSlack slack,
        string slackSecret,
        string globalAdmin
    ) =>
        new(
            [
                new("Knowledge:Directory", knowledge.Folder),
                new("Storage:DatabasePath", knowledge.DatabasePath),
                new("Admins:Users:0", "discord:" + globalAdmin),
                .. BotSettings.DiscordHttp(signer, discord, "two-platform-discord-token"),
                .. BotSettings.SlackHttp(slack, slackSecret, "xoxb-two-platform"),
            ]
        );

    /// <summary>Starts the server and returns a client for its real loopback address.</summary>
    public HttpClient StartKestrel()
    {
        StartServer();
        return CreateClient();
    }
}
