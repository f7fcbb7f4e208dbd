using System.Threading.Channels;
using GrokFactsBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;


namespace GrokFactsBot.Core.Tests.Storage;

/// <summary>Backups of the real database file, taken while it is being written to.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task A_backup_taken_while_transactions_commit_holds_each_of_them_whole_or_not_at_all()
    {
        using var database = LiteDbFactory.OpenFile(_temp.Combine("grokfacts.db"));
        // A checkpoint every few pages, so that one is likely under way while the files are copied.
        database.CheckpointSize = 8;
        var pairs = database.GetCollection("pairs");
        var committed = 0;
        using var stop = new CancellationTokenSource();
        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each transaction writes two documents; a torn copy would hold one without the other.
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                database.BeginTrans();
                pairs.Insert(new BsonDocument { ["_id"] = $"a{i}", ["text"] = new string('a', 3000) });
                pairs.Insert(new BsonDocument { ["_id"] = $"b{i}", ["text"] = new string('b', 3000) });
                database.Commit();
                Volatile.Write(ref committed, i + 1);
                if (i == 100)
                    warmedUp.SetResult();
            }
        });
        await warmedUp.Task;

        var backups = Enumerable
            .Range(0, 5)
            .Select(n => (Path: _temp.Combine($"backup-{n}.db"), CommittedBefore: Volatile.Read(ref committed)))
            .Select(b =>
            {
                DatabaseBackup.Write(database, b.Path);
                return b;
            })
            .ToList();
        await stop.CancelAsync();
        await writer;

        foreach (var (backup, committedBefore) in backups)
        {
            Assert.Null(DatabaseFileCheck.Problem(backup));
            Assert.False(File.Exists(DatabaseFileCheck.LogPath(backup)), "the backup is one file");
            using var copy = new LiteDatabase(backup);
            var ids = copy.GetCollection("pairs").FindAll().Select(d => d["_id"].AsString).ToHashSet();
            Assert.True(ids.Count >= 2 * committedBefore, $"{ids.Count} of at least {2 * committedBefore}");
            Assert.All(ids.Where(id => id[0] == 'a'), a => Assert.Contains("b" + a[1..], ids));
            Assert.All(ids.Where(id => id[0] == 'b'), b => Assert.Contains("a" + b[1..], ids));
        }
    }

    [Fact]
    public async Task The_running_bot_backs_up_at_start_and_every_interval_and_keeps_the_newest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var folder = _temp.Combine("backups");
        var options = new StorageOptions
        {
            DatabasePath = _temp.Combine("grokfacts.db"),
            BackupDirectory = folder,
            BackupEvery = TimeSpan.FromHours(6),
            BackupsKept = 2,
        };
        using var database = LiteDbFactory.OpenFile(options.DatabasePath, clock);
        database.GetCollection("notes").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "first" });
        var services = new ServiceCollection().AddSingleton(database).BuildServiceProvider();
        using var backups = new BackupService(
            services,
            Options.Create(options),
            clock,
            NullLogger<BackupService>.Instance
        );

        var taken = Channel.CreateUnbounded<string>();
        backups.Completed += path => taken.Writer.TryWrite(Path.GetFileName(path));

        await backups.StartAsync(CancellationToken.None);
        var names = new List<string> { await taken.Reader.ReadAsync() };
        for (var tick = 1; tick <= 3; tick++)
        {
            clock.Advance(TimeSpan.FromHours(6));
            names.Add(await taken.Reader.ReadAsync());
        }
        await backups.StopAsync(CancellationToken.None);

        Assert.Equal(
            [
                "grokfacts-20261201-090000.db",
                "grokfacts-20261201-150000.db",
                "grokfacts-20261201-210000.db",
                "grokfacts-20261202-030000.db",
            ],
            names
        );
        Assert.Equal(names[2..], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var newest = new LiteDatabase(Path.Combine(folder, names[^1]));
        Assert.Equal("first", newest.GetCollection("notes").FindById(1)["text"].AsString);
    }

    public void Dispose() => _temp.Dispose();
}
