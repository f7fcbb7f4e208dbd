using System.ComponentModel.DataAnnotations;
using GrokFactsBot.Core.Hosting;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file. LiteDB holds it exclusively: one running bot per file.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is empty; set it to a file path such as data/grokfacts.db")]
    public string DatabasePath { get; set; } = "data/grokfacts.db";

    /// <summary>Where the running bot writes a consistent copy of the database every <see cref="BackupEvery"/>; unset, none.</summary>
    public string? BackupDirectory { get; set; }

    [TimeSpanRange(
        "00:01:00",
        "30.00:00:00",
        ErrorMessage = "Storage:BackupEvery must be between 00:01:00 and 30.00:00:00, e.g. 1.00:00:00 for daily"
    )]
    public TimeSpan BackupEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Backups kept in <see cref="BackupDirectory"/>; older ones the bot wrote are deleted.</summary>
    [Range(1, 1000, ErrorMessage = "Storage:BackupsKept must be between 1 and 1000")]
    public int BackupsKept { get; set; } = 7;
}

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>
    /// The folder of knowledge files imported at start-up; empty means the repository's knowledge/ folder.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Dataset folders imported with the knowledge, relative to the knowledge folder unless absolute. Unset means
    /// every <c>datasets/&lt;name&gt;/</c> folder in it (the shipped snapshots); set to an empty value for none.
    /// </summary>
    public List<string>? Datasets { get; set; }
}

/// <summary>Checks <see cref="StorageOptions"/>' attributes with code generated at compile time.</summary>
[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
