using GrokFactsBot.Core.Storage;
using GrokFactsBot.Knowledge;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Tests;

/// <summary>Start-up reads the knowledge folder ahead; only that first import may use the early read.</summary>
public sealed class KnowledgeFolderReadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grokfacts-folder-").FullName;

    [Fact]
    public void The_first_import_takes_the_read_ahead_and_later_ones_read_the_folder_again()
    {
        File.WriteAllText(Path.Combine(_folder, "one.yaml"), "models: []");
        var reading = new KnowledgeFolderReading(
            Options.Create(new KnowledgeOptions { Directory = _folder, Datasets = [] })
        );

        reading.Begin();
        reading.Begin(); // once only
        var first = reading.Take();
        File.WriteAllText(Path.Combine(_folder, "two.yaml"), "models: []");
        var second = reading.Take();

        Assert.Equal(1, first.FileCount);
        Assert.Equal(2, second.FileCount);
    }

    [Fact]
    public void A_missing_folder_is_a_problem_that_names_the_setting()
    {
        var reading = new KnowledgeFolderReading(
            Options.Create(new KnowledgeOptions { Directory = Path.Combine(_folder, "gone"), Datasets = [] })
        );

        Assert.Contains("Knowledge:Directory", Assert.Single(reading.Take().Problems).ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
