namespace GrokFactsBot.LocalChat;

public static class LocalChatRegistration
{
    public static IHostApplicationBuilder AddLocalChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ChatConsole.System);
        builder.Services.AddHostedService<LocalChatService>();
        return builder;
    }
}
