namespace GrokFactsBot.Core.Storage;

/// <summary>The LiteDB collections that hold the knowledge: the store writes them, a snapshot reads all of them.</summary>
internal static class KnowledgeCollections
{
    public const string Models = "models",
        Sources = "sources",
        Claims = "claims",
        Rankings = "claim_rankings",
        Log = "curation_log";

    public static readonly string[] All = [Models, Sources, Claims, Rankings, Log];
}
