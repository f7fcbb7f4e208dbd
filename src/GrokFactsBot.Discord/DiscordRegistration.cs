using System.Net.Http.Headers;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Discord.Commands;
using GrokFactsBot.Discord.Gateway;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Publishing;
using GrokFactsBot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord;

public static class DiscordRegistration
{
    public const string UserAgent = "DiscordBot (https://github.com/grokfactsbot, 1.0)";

    /// <summary>
    /// The Discord front end, when any Discord setting is present; its settings are then validated at start.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!DiscordOptions.IsConfigured(builder.Configuration))
        {
            services.AddCliVerb<RegisterCommandsVerb.Unconfigured>("register-commands");
            return builder;
        }
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddSingleton<RateLimiter>();
        services.AddHttpClient<DiscordRestClient>(
            (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout in DiscordRestClient
            }
        );
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<IFrontEnd>(new DiscordFrontEnd());
        services.AddCliVerb<RegisterCommandsVerb>("register-commands");
        services.AddSingleton<IChannelPublisher, DiscordChannelPublisher>();

        if (
            builder.Configuration[$"{DiscordOptions.Section}:Mode"] is { } mode
            && mode.Equals(nameof(DiscordMode.Gateway), StringComparison.OrdinalIgnoreCase)
        )
        {
            services.AddSingleton<InteractionQueue>();
            services.AddSingleton<DiscordGatewayService>();
            services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayService>());
            services.AddHostedService<GatewayInteractionWorker>();
            services.AddSingleton<IReadinessCheck, GatewayReadiness>();
        }
        else
            services.AddSingleton(sp => new Ed25519Verifier(
                sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!
            ));
        return builder;
    }

    /// <summary>POST /discord/interactions, when Discord runs in Http mode.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder app)
    {
        // The verifier is registered only when Discord is configured in Http mode; resolving it here would run
        // validation early.
        if (!app.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(Ed25519Verifier)))
            return app;
        app.MapPost(InteractionEndpoint.Path, InteractionEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }

    private sealed record DiscordFrontEnd : IFrontEnd
    {
        public string Name => "Discord";
    }
}
