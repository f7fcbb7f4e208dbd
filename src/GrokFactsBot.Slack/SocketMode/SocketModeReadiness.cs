using GrokFactsBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Slack.SocketMode;

/// <summary>/readyz: in Socket Mode the bot is ready while at least one connection to Slack is open.</summary>
internal sealed class SocketModeReadiness(IServiceProvider services) : IReadinessCheck
{
    public string Name => "slack-socket-mode";

    public Readiness Check()
    {
        var open = services.GetRequiredService<SocketModeService>().OpenConnections;
        return open > 0
            ? Readiness.Ready($"{open} connection(s) open")
            : Readiness.NotReady("connecting to Slack Socket Mode");
    }
}
