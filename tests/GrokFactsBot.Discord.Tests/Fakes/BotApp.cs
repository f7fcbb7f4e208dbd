using GrokFactsBot.Core.Commands;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Discord.Tests.Fakes;

/// <summary>
/// The real program (real DI graph, Kestrel on a free loopback port) pointed at a temp knowledge folder and a fake
/// Discord.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotApp(
        KnowledgeFolder knowledge,
        FakeDiscord discord,
        Dictionary<string, string?> discordSettings,
        Action<IServiceCollection>? services = null
    )
    {
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Knowledge:Directory"] = knowledge.Folder,
            ["Storage:DatabasePath"] = knowledge.DatabasePath,
            ["Discord:BotToken"] = "test-token",
            ["Discord:ApplicationId"] = "111222333",
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        };
        foreach (var (key, value) in discordSettings)
            _settings[key] = value;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (_services is not null)
            builder.ConfigureServices(_services);
    }

    public HttpClient Kestrel()
    {
        StartServer();
        return CreateClient();
    }
}

/// <summary>A command that answers only when the test says so, to exercise the deferred path.</summary>
public sealed class SlowCommands : ICommandHandler
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new("slow", "Answers when released", []),
        new("slowfail", "Says 'not found' when released", []),
    ];

    public Core.Answers.Answer Handle(CommandRequest request)
    {
        Release.Task.Wait(TimeSpan.FromSeconds(20));
        return request.Command == "slowfail"
            ? Core.Answers.Answer.Message(Core.Answers.AnswerKind.NotFound, "Not found", "Nothing by that name.")
            : Core.Answers.Answer.Message(Core.Answers.AnswerKind.Done, "Slow answer", "Finally done.");
    }
}

/// <summary>
/// Grok-1 with a disputed parameter count; the rival source's title tries Discord markdown and a mass mention.
/// </summary>
public static class TestKnowledge
{
    public static KnowledgeFolder Create() =>
        new KnowledgeFolder("grokfacts-discord-").WithFile(
            "grok-1.yaml",
            Grok1Knowledge.Yaml(
                new("shouty-blog", "https://example.com/grok-1-size", "Grok-1 is *huge* @everyone", "Shouty Blog")
            )
        );
}
