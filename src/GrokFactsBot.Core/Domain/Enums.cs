namespace GrokFactsBot.Core.Domain;

public enum ModelStatus
{
    Rumoured,
    Announced,
    Released,
    Retired,
}

/// <summary>Who is speaking: the maker itself, reporting about it, or chatter.</summary>
public enum SourceKind
{
    Primary,
    Secondary,
    Commentary,
}

/// <summary>How the source states the value.</summary>
public enum Qualifier
{
    Exact,
    Approximate,
    Rumoured,
    Planned,
}

/// <summary>Wikidata-style rank: what the bot leads with, what it keeps only as history.</summary>
public enum Rank
{
    Preferred,
    Normal,
    Deprecated,
}

/// <summary>How far the bot trusts a fact it states, after weighing sources and disputes.</summary>
public enum Confidence
{
    Confirmed,
    Likely,
    Speculative,
    Disputed,
    Unknown,
}
