using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Resolution;

/// <summary>What a typed name turned out to mean. Not finding a model is an outcome, not an error.</summary>
public abstract record Resolution(string Query)
{
    /// <summary>
    /// The model named; <see cref="Partial"/> when the name was incomplete but only this model fits it ("mixtral"
    /// when the knowledge base holds one Mixtral), so an answer can say which model it took.
    /// </summary>
    public sealed record Found(string Query, Model Model) : Resolution(Query)
    {
        public bool Partial { get; init; }
    }

    public sealed record Ambiguous(string Query, IReadOnlyList<Model> Candidates) : Resolution(Query);

    public sealed record NotFound(string Query, IReadOnlyList<Model> Suggestions) : Resolution(Query);
}

/// <summary>A model name found inside a question: the words it spans and what they resolve to.</summary>
public sealed record Mention(int FirstWord, int WordCount, string Text, Resolution Resolution);

/// <summary>
/// Whose view of the knowledge base a request sees: the shared base plus one server's or workspace's local facts;
/// with <see cref="AsOf"/>, only what the base held on that day.
/// </summary>
public sealed record Audience(string? Scope)
{
    public static readonly Audience Everyone = new((string?)null);

    /// <summary>The day whose knowledge to answer from ("as of 2026-06-30"); null for today's.</summary>
    public DateOnly? AsOf { get; init; }

    public bool CanSee(string? scope) => scope is null || scope == Scope;
}
