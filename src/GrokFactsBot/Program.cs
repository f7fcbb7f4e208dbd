using GrokFactsBot.Charts;
using GrokFactsBot.Cli;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Curation;
using GrokFactsBot.Discord;
using GrokFactsBot.Knowledge;
using GrokFactsBot.LocalChat;
using GrokFactsBot.Operations;
using GrokFactsBot.Slack;
using GrokFactsBot.Watch;

var cli = CliCommand.Parse(args);
// Everything is built inside the runner, so a bad setting found while building (a Slack token without its secret, a
// database file that cannot be opened) is one line and exit 1, not a stack trace.
return await CliRunner.RunAsync(
    cli,
    () =>
    {
        // Settings files are read from beside the binary, not from wherever the process was started: otherwise
        // appsettings.json's log levels are lost and ASP.NET Core logs every request (a fifth of the CPU under load).
        // The slim builder: no IIS, host filtering or static web assets, which the bot never uses and start-up and
        // memory pay for; HTTPS endpoints in Kestrel:* settings still work.
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { Args = cli.HostArgs, ContentRootPath = AppContext.BaseDirectory }
        );
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.AddOperations(); // secret files, /healthz /readyz /metrics, systemd, graceful shutdown (first: front ends read its secrets)
        if (cli.ReadsKnowledge)
            EarlyDatabaseCheck.Begin(builder.Services, builder.Configuration); // reads the base while the host is built
        builder.AddKnowledge(); // LiteDB knowledge base, imported from knowledge/ at start-up
        builder.AddCuration(); // admin fact curation, channel subscriptions, release-update outbox and its delivery worker
        builder.Services.AddCharts(); // `timeline`: releases by size as a PNG, drawn once per knowledge snapshot
        builder.AddWatch(); // news, and the release watchers (Hugging Face) when Watch:*:Enabled; updates go via the outbox
        builder.AddDiscord(); // Discord slash commands over HTTP interactions or the Gateway, when Discord:* is set
        builder.AddSlack(); // Slack: /grokfacts over HTTP (POST /slack/commands) or Socket Mode, when Slack:BotToken is set
        builder.AddLocalChat(); // the console chat, when no Discord or Slack front end is configured

        var app = builder.Build();
        if (cli.Verb is not null)
            return app; // a verb answers once and exits: it serves no endpoint, so start-up skips mapping them
        app.MapDiscord(); // POST /discord/interactions (Discord:Mode = Http)
        app.MapSlack(); // POST /slack/commands (Slack:Mode = Http)
        app.MapOperations(); // GET /healthz, /readyz, /metrics
        return app;
    }
);
