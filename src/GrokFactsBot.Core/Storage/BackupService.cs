using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// With Storage:BackupDirectory set, writes a consistent copy of the database there at start and every
/// Storage:BackupEvery while the bot runs, named by the time it was taken, and keeps the newest Storage:BackupsKept.
/// A failed backup (a full backup disk, say) is logged and tried again at the next interval; it never stops the bot.
/// </summary>
public sealed class BackupService(
    IServiceProvider services,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    ILogger<BackupService> logger
) : BackgroundService
{
    private const string Stamp = "yyyyMMdd-HHmmss";

    /// <summary>Raised with the path of each backup written.</summary>
    public event Action<string>? Completed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.BackupDirectory is not { Length: > 0 } folder)
            return;
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.BackupEvery, clock);
        do
            BackUp(folder);
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One backup now; returns its path, or null when it failed (and was logged).</summary>
    public string? BackUp(string folder)
    {
        // Resolved here, not injected: with no backup folder set, this service must not be what opens the database.
        var database = services.GetRequiredService<FileDatabase>();
        var name = Path.GetFileNameWithoutExtension(database.Path);
        var target = Path.Combine(folder, $"{name}-{clock.GetUtcNow().UtcDateTime.ToString(Stamp)}.db");
        try
        {
            var bytes = DatabaseBackup.Write(database, target);
            logger.LogInformation("Backed up the database to {Target} ({Bytes} bytes)", target, bytes);
            DeleteOld(folder, name);
            Completed?.Invoke(target);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            logger.LogError("Backing up the database to {Target} failed: {Reason}", target, e.Message);
            return null;
        }
    }

    private void DeleteOld(string folder, string name)
    {
        var old = Directory
            .GetFiles(folder, $"{name}-*.db")
            .Where(f => Path.GetFileNameWithoutExtension(f).Length == name.Length + 1 + Stamp.Length)
            .Order(StringComparer.Ordinal)
            .SkipLast(options.Value.BackupsKept);
        foreach (var file in old)
            File.Delete(file);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
