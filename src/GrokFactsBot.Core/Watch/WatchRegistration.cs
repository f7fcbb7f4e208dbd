using System.Diagnostics.CodeAnalysis;
using System.Net;
using GrokFactsBot.Core.Watch.HuggingFace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Watch;

public static class WatchRegistration
{
    public const string UserAgent = "GrokFactsBot/1.0 (release watcher; +https://github.com/grokfactsbot)";

    /// <summary>What every watcher shares: its state in LiteDB and the per-host request budgets.</summary>
    public static IServiceCollection AddWatchCore(this IServiceCollection services)
    {
        services.AddSingleton<RequestBudgets>();
        services.AddSingleton<WatchState>();
        return services;
    }

    /// <summary>The Hugging Face watcher as a hosted service; its options are validated at start.</summary>
    public static IServiceCollection AddHuggingFaceWatcher(this IServiceCollection services)
    {
        services.AddWatchCore();
        services.AddOptions<HuggingFaceOptions>().BindConfiguration(HuggingFaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HuggingFaceOptions>, HuggingFaceOptionsValidator>();
        services.AddKeyedSingleton(
            HuggingFaceOptions.Section,
            (sp, _) =>
            {
                var options = sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
                var http = Client(4 * 1024 * 1024);
                if (options.Token is { } token)
                    http.DefaultRequestHeaders.Authorization = new("Bearer", token.Trim());
                return http;
            }
        );
        services.AddKeyedSingleton(
            HuggingFaceOptions.Section,
            (sp, key) =>
                new PoliteHttp(
                    sp.GetRequiredKeyedService<HttpClient>(key),
                    sp.GetRequiredService<RequestBudgets>(),
                    sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.Http,
                    sp.GetRequiredService<TimeProvider>()
                )
        );
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
            return new HubApi(
                sp.GetRequiredKeyedService<PoliteHttp>(HuggingFaceOptions.Section),
                new Uri(options.BaseUrl.TrimEnd('/') + "/"),
                options.PageSize
            );
        });
        services.AddSingleton<LabOrganizations>();
        services.AddSingleton<OpenWeightsRecorder>();
        return services.AddWatchService<HuggingFaceWatcher>(HuggingFaceWatcher.ServiceKey);
    }

    /// <summary>Runs a watcher as its own hosted service, found by its key (tests poll it directly).</summary>
    private static IServiceCollection AddWatchService<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TWatcher
    >(this IServiceCollection services, string key)
        where TWatcher : class, IReleaseWatcher
    {
        services.AddSingleton<TWatcher>();
        services.AddKeyedSingleton(
            key,
            (sp, _) => ActivatorUtilities.CreateInstance<WatchService>(sp, sp.GetRequiredService<TWatcher>())
        );
        services.AddHostedService(sp => sp.GetRequiredKeyedService<WatchService>(key));
        return services;
    }

    /// <summary>A client for one watched host: pooled connections renewed now and then, compressed bodies, a cap.</summary>
    private static HttpClient Client(long maxResponseBytes)
    {
        var http = new HttpClient(
            new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                AutomaticDecompression = DecompressionMethods.All,
            }
        )
        {
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own timeout in PoliteHttp
            MaxResponseContentBufferSize = maxResponseBytes,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return http;
    }
}
