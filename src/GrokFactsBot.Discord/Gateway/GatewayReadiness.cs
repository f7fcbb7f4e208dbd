using GrokFactsBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>/readyz: in Gateway mode the bot is ready only while a Discord session is live.</summary>
internal sealed class GatewayReadiness(IServiceProvider services) : IReadinessCheck
{
    public string Name => "discord-gateway";

    public Readiness Check()
    {
        var gateway = services.GetRequiredService<DiscordGatewayService>();
        if (gateway.FatalReason is { } reason)
            return Readiness.NotReady("stopped: " + reason);
        return gateway.IsConnected
            ? Readiness.Ready("session live")
            : Readiness.NotReady("connecting to the Discord Gateway");
    }
}
