using GrokFactsBot.Cli;
using GrokFactsBot.Curation;
using GrokFactsBot.Knowledge;
using GrokFactsBot.LocalChat;

var cli = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

builder.AddKnowledge();   // LiteDB knowledge base, imported from knowledge/ at start-up
builder.AddCuration();    // admin fact curation, channel subscriptions, release-update outbox and its delivery worker
builder.AddLocalChat();   // the console chat, when no Discord or Slack front end is configured

var app = builder.Build();
return await CliRunner.RunAsync(app, cli);
