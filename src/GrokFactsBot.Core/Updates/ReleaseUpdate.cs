using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Updates;

/// <summary>
/// One newsworthy change, as it sits in the outbox: what it is about (for matching subscriptions) and the answer
/// every matching channel receives. <see cref="Scope"/> set means a server-local fact: only that server hears of it.
/// <see cref="ExcludeScope"/> spares the server that already heard of a fact when it is promoted to the shared base.
/// </summary>
public sealed record ReleaseUpdate(
    long Seq,
    UpdateKinds Kinds,
    string ModelId,
    string Family,
    string DeveloperKey,
    Confidence Confidence,
    string? Scope,
    string? ExcludeScope,
    Answer Answer,
    DateTimeOffset RaisedAt
)
{
    public bool IsVisibleIn(string? channelScope) =>
        (Scope is null || Scope == channelScope) && (ExcludeScope is null || ExcludeScope != channelScope);
}
