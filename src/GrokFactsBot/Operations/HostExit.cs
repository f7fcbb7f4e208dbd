namespace GrokFactsBot.Operations;

/// <summary>
/// Runs the service until it stops and says how it ended. On .NET 10 a crashed BackgroundService stops the host (and
/// the host logs the exception) but RunAsync still completes normally, which a supervisor would read as a clean exit:
/// report it as a failure so systemd restarts the bot and Docker marks the container failed.
/// </summary>
public static class HostExit
{
    public const int Crashed = 1;

    public static async Task<int> RunAsync(IHost host)
    {
        var backgroundServices = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            await host.RunAsync();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop (a service finished or crashed) while the rest was still starting: a stop, not a failure.
        }
        return backgroundServices.Any(s => s.ExecuteTask is { IsFaulted: true }) ? Crashed : Environment.ExitCode;
    }
}
