using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Cli;

/// <summary>
/// <c>backup &lt;path&gt;</c>: a consistent copy of the database as one file. A running bot holds the file, and only it
/// can copy it consistently: then this says how to have the running bot do it (Storage:BackupDirectory).
/// </summary>
public sealed class BackupVerb(IServiceProvider services, IOptions<StorageOptions> options) : ICliVerb
{
    public string Name => "backup";

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        if (args.Count != 1)
        {
            await error.WriteLineAsync("usage: backup <path>   e.g. backup /var/backups/grokfacts.db");
            return 2;
        }
        var source = Path.GetFullPath(options.Value.DatabasePath);
        if (!File.Exists(source))
        {
            await error.WriteLineAsync($"There is no database at {source} (Storage:DatabasePath) to back up.");
            return 1;
        }
        var target = Path.GetFullPath(args[0]);
        if (Directory.Exists(target))
            target = Path.Combine(target, Path.GetFileName(source));
        if (target == source)
        {
            await error.WriteLineAsync($"backup {args[0]}: that is the database itself; name another file.");
            return 2;
        }
        FileDatabase database;
        try
        {
            database = services.GetRequiredService<FileDatabase>();
        }
        catch (DatabaseInUseException)
        {
            await error.WriteLineAsync(
                $"The database file {source} is in use by a running GrokFactsBot, and only it can copy the file "
                    + "consistently: set Storage:BackupDirectory (and Storage:BackupEvery) for it, or stop it and run "
                    + "backup again."
            );
            return 1;
        }
        var bytes = DatabaseBackup.Write(database, target);
        await output.WriteLineAsync($"Backed up {source} to {target} ({bytes:N0} bytes).");
        return 0;
    }
}
