using GrokFactsBot.Cli;
using GrokFactsBot.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrokFactsBot.Tests;

/// <summary>How the service's run ends, as the exit code a supervisor (systemd, Docker) sees.</summary>
public sealed class HostExitTests
{
    [Fact]
    public async Task A_crashed_background_service_makes_the_run_exit_non_zero()
    {
        await using var app = Service<CrashingService>();

        Assert.Equal(HostExit.Crashed, await CliRunner.RunAsync(app, CliCommand.Parse([])));
    }

    [Fact]
    public async Task A_service_that_finishes_and_stops_the_host_exits_0()
    {
        await using var app = Service<FinishingService>();

        Assert.Equal(0, await CliRunner.RunAsync(app, CliCommand.Parse([])));
    }

    private static WebApplication Service<TService>()
        where TService : class, IHostedService
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.AddOperations();
        builder.Services.AddHostedService<TService>();
        return builder.Build();
    }

    private sealed class CrashingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the platform connection failed for good");
        }
    }

    private sealed class FinishingService(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            lifetime.StopApplication();
        }
    }
}
