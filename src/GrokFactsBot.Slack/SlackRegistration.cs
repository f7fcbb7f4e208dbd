using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Slack.Commands;
using GrokFactsBot.Slack.Http;
using GrokFactsBot.Slack.Interactivity;
using GrokFactsBot.Slack.SocketMode;
using GrokFactsBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Slack;

public static class SlackRegistration
{
    /// <summary>
    /// The Slack front end, when Slack:BotToken is set: the slash command over HTTP or Socket Mode, and update posts.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        if (!SlackOptions.IsConfigured(builder.Configuration))
            return builder;
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddSingleton<IFrontEnd, SlackFrontEnd>();
        services.AddHttpClient<SlackApiClient>(
            (sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
                http.Timeout = TimeSpan.FromSeconds(15);
            }
        );
        services.AddSingleton<ChannelPacer>();
        services.AddSingleton<IChannelPublisher, SlackChannelPublisher>();
        services.AddSingleton<SlackCallerFactory>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackFileUpload>();
        services.AddSingleton<ResponseUrlReplies>();
        services.AddSingleton<SlashCommandResponder>();
        services.AddSingleton<SignedSlackForm>();
        services.AddSingleton<SlackCommandEndpoint>();
        services.AddSingleton<SlackButtonHandler>();
        services.AddSingleton<SlackInteractionEndpoint>();
        services.AddSingleton<EnvelopeLedger>();
        services.AddSingleton<SocketModeDispatcher>();
        if (
            builder.Configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.Mode)}"] is { } mode
            && mode.Equals(nameof(SlackMode.SocketMode), StringComparison.OrdinalIgnoreCase)
        )
        {
            services.AddSingleton<SocketModeService>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
            services.AddSingleton<IReadinessCheck, SocketModeReadiness>();
        }
        return builder;
    }

    /// <summary>
    /// POST /slack/commands and /slack/interactions, when Slack is configured (it answers 401 in Socket Mode unless a signing secret is set).
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        // Asking whether the endpoint is registered, not resolving it: resolving builds the chain down to the database,
        // which a verb such as `health` must not open.
        if (!app.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(SlackCommandEndpoint)))
            return app;
        app.MapPost(
                SlackCommandEndpoint.Path,
                (HttpRequest request, SlackCommandEndpoint endpoint) => endpoint.HandleAsync(request)
            )
            .DisableAntiforgery();
        app.MapPost(
                SlackInteractionEndpoint.Path,
                (HttpRequest request, SlackInteractionEndpoint endpoint) => endpoint.HandleAsync(request)
            )
            .DisableAntiforgery();
        return app;
    }
}

internal sealed class SlackFrontEnd : IFrontEnd
{
    public string Name => "Slack";
}
