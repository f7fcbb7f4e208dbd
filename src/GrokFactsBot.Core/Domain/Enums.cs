namespace GrokFactsBot.Core.Domain;

public enum ModelStatus
{
    Rumoured,
    Announced,
    Released,
    Retired,
}

/// <summary>
/// Who is speaking, strongest first: the developer itself (its site, documents, repositories, its people), news and
/// analysis, a licensed dataset or catalogue, or chatter (social posts, forums, aggregators).
/// </summary>
public enum SourceKind
{
    Primary,
    Secondary,
    Dataset,
    Commentary,
}

/// <summary>
/// How the source knows what it says. A model card and a CEO's post are both the developer speaking (kind
/// <see cref="SourceKind.Primary"/>), but only one of them is a document. See <see cref="Evidence.BasisOf"/>.
/// </summary>
public enum Basis
{
    /// <summary>The developer's own documentation: model card, paper, licence text, release post, API docs.</summary>
    Official,

    /// <summary>A statement by the developer's people: a CEO's post on X, an interview, a talk.</summary>
    Statement,

    /// <summary>Counted from the published weights (e.g. tensor sizes in safetensors): approximate by nature.</summary>
    Counted,

    /// <summary>A dataset's or catalogue's record (Epoch AI, models.dev, LLM-Stats).</summary>
    Compiled,

    /// <summary>A third party reporting what the developer did or said.</summary>
    Reported,

    /// <summary>A third party's own estimate or analysis.</summary>
    Estimate,

    /// <summary>An unconfirmed rumour or leak.</summary>
    Rumour,

    /// <summary>A plan or promise about something that has not happened when the source speaks.</summary>
    Promise,
}

/// <summary>How precisely the source states the value ("314B" vs "about 270B", "25% of the weights").</summary>
public enum Qualifier
{
    Exact,
    Approximate,
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

    /// <summary>Only the developer's people have said it (a CEO's post); no document of the developer gives it.</summary>
    Claimed,
    Speculative,
    Disputed,
    Unknown,
}
