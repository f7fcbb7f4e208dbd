using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Core.Tests.Storage;

/// <summary>The database is read ahead while the host is built; what the bot then opens must be exactly that file.</summary>
public sealed class EarlyDatabaseCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"grokfacts-early-{Guid.NewGuid():N}");

    private string File(string name) => Path.Combine(_folder, name);

    private static EarlyDatabaseCheck Begin(string path) =>
        EarlyDatabaseCheck
            .Begin(
                new ServiceCollection(),
                new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = path })
                    .Build()
            )
            .BuildServiceProvider()
            .GetRequiredService<EarlyDatabaseCheck>();

    [Fact]
    public void The_file_read_ahead_is_the_one_opened_with_everything_it_held()
    {
        using (var kb = new KnowledgeFixture(database: LiteDbFactory.OpenFile(File("kb.db"))))
            Assert.True(kb.Import().Succeeded);

        var early = Begin(File("kb.db"));
        using var database = LiteDbFactory.Open(early.Take(File("./kb.db"))!);

        Assert.Equal(4, new KnowledgeStore(database).Snapshot.ModelCount);
    }

    [Fact]
    public void A_file_other_than_the_one_read_ahead_is_opened_itself_and_the_early_one_is_let_go()
    {
        var early = Begin(File("first.db"));

        Assert.Null(early.Take(File("second.db")));
        // The early check's lock is given back, so the file it read can be opened.
        using var opened = LiteDbFactory.OpenFile(File("first.db"));
        Assert.Equal(File("first.db"), opened.Path);
    }

    [Fact]
    public void A_damaged_file_read_ahead_is_reported_where_the_database_is_first_needed()
    {
        Directory.CreateDirectory(_folder);
        System.IO.File.WriteAllText(File("bad.db"), "not a database");
        var early = Begin(File("bad.db"));

        var problem = Assert.Throws<DatabaseFileException>(() => early.Take(File("bad.db")));

        Assert.Contains("not a LiteDB database file", problem.Message);
        Assert.Equal("not a database", System.IO.File.ReadAllText(File("bad.db")));
    }

    [Fact]
    public void No_path_in_the_settings_means_no_early_check()
    {
        var services = EarlyDatabaseCheck.Begin(
            new ServiceCollection(),
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = " " })
                .Build()
        );
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(EarlyDatabaseCheck));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
