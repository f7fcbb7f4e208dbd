using GrokFactsBot.Cli;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Observability;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GrokFactsBot.Operations;

public static class OperationsRegistration
{
    /// <summary>
    /// How long in-flight answers get to finish after SIGTERM; below systemd's and compose's stop timeouts (30 s).
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// What makes the bot a service: secrets from files, readiness checks, metrics, systemd integration and a bounded
    /// graceful shutdown. Call it first, so front ends that look at configuration see the secret files too.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddSecretFiles();
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = ShutdownTimeout;
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });

        builder.Services.AddHostedService<StartupGarbage>();
        builder.Services.AddCliVerb<HealthVerb>("health");
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<IReadinessCheck, DatabaseReadiness>();
        builder.Services.AddSingleton<IReadinessCheck, KnowledgeReadiness>();
        builder.Services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>, ReadinessRegistrations>();

        builder
            .Services.AddOpenTelemetry()
            // Prometheus conventions: target_info{service_name="grokfactsbot"}, durations in seconds.
            .ConfigureResource(resource => resource.AddService("grokfactsbot"))
            .WithMetrics(metrics =>
                metrics
                    .AddMeter(
                        BotMetrics.MeterName,
                        "System.Runtime",
                        "Microsoft.AspNetCore.Hosting",
                        "Microsoft.AspNetCore.Server.Kestrel"
                    )
                    .AddView(
                        "grokfacts.answer.duration",
                        new ExplicitBucketHistogramConfiguration { Boundaries = AnswerDurationBucketsSeconds }
                    )
                    .AddPrometheusExporter()
            );
        return builder;
    }

    /// <summary>
    /// Answers take well under a millisecond, far below OpenTelemetry's default buckets; the top buckets show the 3 s
    /// deadline.
    /// </summary>
    private static readonly double[] AnswerDurationBucketsSeconds =
    [
        0.00005,
        0.0001,
        0.00025,
        0.0005,
        0.001,
        0.0025,
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.25,
        1,
        3,
    ];

    /// <summary>
    /// <c>/healthz</c> (the process answers), <c>/readyz</c> (every readiness check passes), <c>/metrics</c>
    /// (Prometheus text).
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks(
            "/healthz",
            new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }
        );
        app.MapHealthChecks(
            "/readyz",
            new HealthCheckOptions
            {
                Predicate = r => r.Tags.Contains(ReadinessRegistrations.Tag),
                ResponseWriter = HealthResponse.WriteAsync,
            }
        );
        app.MapPrometheusScrapingEndpoint("/metrics");
        LifecycleLog.Attach(app);
        return app;
    }
}
