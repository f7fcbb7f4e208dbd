namespace GrokFactsBot.LocalChat;

public static class LocalChatRegistration
{
    public static IHostApplicationBuilder AddLocalChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ChatConsole.System);
        builder.Services.AddHostedService<LocalChatService>();
        builder.Services.AddSingleton<Core.Updates.IChannelPublisher, ConsolePublisher>();
        return builder;
    }
}
