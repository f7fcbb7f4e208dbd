namespace GrokFactsBot.Testing;

/// <summary>
/// A temp folder with what one running bot reads and writes: a knowledge folder of YAML files and a LiteDB file.
/// </summary>
public sealed class KnowledgeFolder : TempFolder
{
    public KnowledgeFolder(string prefix = "grokfacts-knowledge-")
        : base(prefix) => Directory.CreateDirectory(Folder);

    /// <summary>The value for Knowledge:Directory.</summary>
    public string Folder => Combine("knowledge");

    /// <summary>The value for Storage:DatabasePath (the file is created by the bot).</summary>
    public string DatabasePath => Combine("grokfacts.db");

    /// <summary>Adds one knowledge file (sources and/or models, in the format of knowledge/README.md).</summary>
    public KnowledgeFolder WithFile(string name, string yaml)
    {
        Write(System.IO.Path.Combine("knowledge", name), yaml);
        return this;
    }
}
