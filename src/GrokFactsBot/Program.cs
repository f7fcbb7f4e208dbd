using GrokFactsBot.Cli;
using GrokFactsBot.Knowledge;
using GrokFactsBot.LocalChat;
using GrokFactsBot.Operations;

var cli = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

builder.AddOperations();  // secret files, /healthz /readyz /metrics, systemd, graceful shutdown (first: front ends read its secrets)
builder.AddKnowledge();   // LiteDB knowledge base, imported from knowledge/ at start-up
builder.AddLocalChat();   // the console chat, when no Discord or Slack front end is configured

var app = builder.Build();
app.MapOperations();
return await CliRunner.RunAsync(app, cli);
