using System.ComponentModel.DataAnnotations;

namespace GrokFactsBot.Core.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file. LiteDB holds it exclusively: one running bot per file.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is empty; set it to a file path such as data/grokfacts.db")]
    public string DatabasePath { get; set; } = "data/grokfacts.db";
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
