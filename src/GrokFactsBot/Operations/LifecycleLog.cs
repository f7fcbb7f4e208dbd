using GrokFactsBot.Core.Hosting;
using GrokFactsBot.LocalChat;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Operations;

/// <summary>
/// One log line at each edge of the service's life: ready (where and with which front ends), stopping, stopped.
/// </summary>
internal static class LifecycleLog
{
    public static void Attach(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GrokFactsBot.Lifecycle");
        var frontEnds = app.Services.GetServices<IFrontEnd>().Select(f => f.Name).ToList();
        app.Lifetime.ApplicationStarted.Register(() =>
            logger.LogInformation(
                "GrokFactsBot started: listening on {Urls}; front ends: {FrontEnds}",
                string.Join(", ", app.Urls),
                frontEnds.Count == 0 ? "none (local chat)" : string.Join(", ", frontEnds)
            )
        );
        app.Lifetime.ApplicationStopping.Register(() =>
            logger.LogInformation(
                "GrokFactsBot stopping: taking no new work, finishing in-flight answers (up to {Timeout} s)",
                app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.TotalSeconds
            )
        );
        app.Lifetime.ApplicationStopped.Register(() => logger.LogInformation("GrokFactsBot stopped"));
    }
}
