using GrokFactsBot.Core.Hosting;

namespace GrokFactsBot.LocalChat;

public static class LocalChatRegistration
{
    /// <summary>
    /// The console chat, which runs when no front end is configured. Call it last: it looks at what the others
    /// registered to choose the listening address when none is set.
    /// </summary>
    public static IHostApplicationBuilder AddLocalChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ChatConsole.System);
        builder.Services.AddSingleton<ChartFiles>();
        builder.Services.AddHostedService<LocalChatService>();
        builder.Services.AddSingleton<Core.Updates.IChannelPublisher, ConsolePublisher>();
        var isChat = !builder.Services.Any(d => d.ServiceType == typeof(IFrontEnd));
        if (
            builder.Configuration["urls"] is null
            && builder.Configuration["http_ports"] is null
            && builder.Configuration["https_ports"] is null
        )
            builder.Configuration["urls"] = isChat ? ChatAddress : ServiceAddress;
        return builder;
    }

    /// <summary>Where the service listens unless Urls says otherwise (health, metrics, the platforms' webhooks).</summary>
    public const string ServiceAddress = "http://127.0.0.1:8080";

    /// <summary>
    /// The chat needs no port: an ephemeral loopback one keeps /healthz and /metrics available and never collides
    /// with a running service or another chat.
    /// </summary>
    public const string ChatAddress = "http://127.0.0.1:0";
}
