using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Knowledge;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Operations;

/// <summary>
/// Turns every registered <see cref="IReadinessCheck"/> into a health check tagged "ready", one entry each in /readyz.
/// </summary>
internal sealed class ReadinessRegistrations(IEnumerable<IReadinessCheck> checks)
    : IConfigureOptions<HealthCheckServiceOptions>
{
    public const string Tag = "ready";

    public void Configure(HealthCheckServiceOptions options)
    {
        foreach (var check in checks)
            options.Registrations.Add(
                new HealthCheckRegistration(check.Name, new ReadinessHealthCheck(check), HealthStatus.Unhealthy, [Tag])
            );
    }

    private sealed class ReadinessHealthCheck(IReadinessCheck check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(
            HealthCheckContext context,
            CancellationToken cancellationToken = default
        )
        {
            var readiness = check.Check();
            return Task.FromResult(
                readiness switch
                {
                    { IsReady: false } => HealthCheckResult.Unhealthy(readiness.Description),
                    { IsDegraded: true } => HealthCheckResult.Degraded(readiness.Description),
                    _ => HealthCheckResult.Healthy(readiness.Description),
                }
            );
        }
    }
}

/// <summary>
/// The database file is open and answers a query (resolved on first check, so /readyz shares the bot's one handle).
/// </summary>
internal sealed class DatabaseReadiness(IServiceProvider services) : IReadinessCheck
{
    public string Name => "database";

    public Readiness Check()
    {
        try
        {
            var database = services.GetRequiredService<FileDatabase>();
            var collections = database.GetCollectionNames().Count();
            return database.Storage.Fault is { } fault
                ? Readiness.Degraded(
                    $"open, {collections} collections; could not save: {fault.Reason} since {fault.Since:u}. "
                        + "Answers still work; saving resumes by itself once the disk takes writes again."
                )
                : Readiness.Ready($"open, {collections} collections");
        }
        catch (Exception e) when (e is IOException or LiteException or StartupProblemException or StorageUnavailableException)
        {
            return Readiness.NotReady(e.Message);
        }
    }
}

internal sealed class KnowledgeReadiness(IServiceProvider services) : IReadinessCheck
{
    public string Name => "knowledge";

    public Readiness Check() =>
        services.GetRequiredService<KnowledgeStartup>().IsImported
            ? Readiness.Ready("imported")
            : Readiness.NotReady("import not finished");
}
