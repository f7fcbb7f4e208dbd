using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// Checks and reads the database file on a worker thread from the moment its path is known, so start-up reads the
/// base while it builds the host instead of after. Whatever goes wrong surfaces where the database is first needed,
/// exactly as if it had been opened there.
/// </summary>
public sealed class EarlyDatabaseCheck
{
    private readonly string _fullPath;
    private readonly Task<CheckedDatabaseFile> _checking;

    private EarlyDatabaseCheck(string path)
    {
        _fullPath = Path.GetFullPath(path);
        _checking = Task.Run(() => LiteDbFactory.Check(path));
    }

    /// <summary>
    /// The checked file when it is the one <paramref name="path"/> names; otherwise null, once the early check is over
    /// and its lock given back (whatever it found about a file the bot will not use does not matter).
    /// </summary>
    public CheckedDatabaseFile? Take(string path)
    {
        if (Path.GetFullPath(path) == _fullPath)
            return _checking.GetAwaiter().GetResult();
        Task.WaitAny(_checking); // never throws: a fault here is about a file the bot will not use
        if (_checking.IsCompletedSuccessfully)
            _checking.Result.Dispose();
        return null;
    }

    /// <summary>Starts the check for the path the settings name, unless they name none (validation says so later).</summary>
    public static IServiceCollection Begin(IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration.GetSection(StorageOptions.Section)[nameof(StorageOptions.DatabasePath)]
            ?? new StorageOptions().DatabasePath;
        if (!string.IsNullOrWhiteSpace(path))
            services.AddSingleton(new EarlyDatabaseCheck(path));
        return services;
    }
}
