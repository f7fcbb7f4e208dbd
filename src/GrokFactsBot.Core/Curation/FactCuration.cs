using System.Security.Cryptography;
using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Curation;

/// <summary>
/// <c>fact add</c>: one new claim, its source found or made from the URL, the audit entry and the outbox update, all in
/// one LiteDB transaction. A committed transaction on the database file is durable, so the reply comes after it.
/// </summary>
public sealed class FactCuration(
    KnowledgeStore store,
    KnowledgeQueries queries,
    CurationLog log,
    UpdateRaiser updates,
    UpdateOutbox outbox,
    TimeProvider clock
)
{
    public Answer Add(CommandRequest request)
    {
        var caller = request.Caller;
        if (CurationAccess.ForWriting(caller, out var scope) is { } refusal)
            return refusal;
        if (FindModel(queries, request, out var model) is { } notFound)
            return notFound;
        if (!ModelAttributes.TryParse(request.Arg("attribute"), out var attribute))
            return Usage($"'{request.Arg("attribute")}' is not an attribute. Use one of: {ModelAttributes.KnownKeys}.");
        if (!ValueParser.TryParse(attribute, request.Arg("value"), out var value, out var valueProblem))
            return Usage(valueProblem!);
        if (CurationInput.Url(request.Arg("source-url"), out var url) is { } urlProblem)
            return Usage(urlProblem);
        var quote = request.Arg("quote");
        if (
            (
                CurationInput.Quote(quote)
                ?? CurationInput.Line("publisher", request.Arg("publisher"), CurationInput.MaxPublisher, false)
                ?? CurationInput.Line("title", request.Arg("title"), CurationInput.MaxTitle, false)
            ) is
            { } problem
        )
            return Usage(problem);
        if (!CurationInput.TryEvidence(request.Arg("qualifier"), request.Arg("basis"), out var qualifier, out var basis))
            return Usage(
                $"qualifier '{request.Arg("qualifier")}' / basis '{request.Arg("basis")}' not understood: qualifier is "
                    + $"exact or approximate; basis is one of {Evidence.KnownKeys}."
            );
        if (!CurationInput.TrySourceKind(request.Arg("kind"), out var kind))
            return Usage(
                $"kind '{request.Arg("kind")}' is not one of primary (the maker's own word), secondary (reporting), dataset, commentary."
            );

        var urlText = request.Arg("source-url")!;
        var existingSource =
            store.FindSourceByUrl(urlText, scope) ?? store.FindSourceByUrl(url!.AbsoluteUri, scope);
        var duplicate = existingSource is null
            ? null
            : store
                .ClaimsFor(model.Id)
                .FirstOrDefault(c =>
                    c.SourceId == existingSource.Id
                    && c.Attribute == attribute
                    && string.Equals(c.Value.Text, value!.Text, StringComparison.OrdinalIgnoreCase)
                    && request.Audience.CanSee(c.Scope)
                );
        if (duplicate is not null)
            return Usage(
                $"That is already recorded as claim {duplicate.Id}. To change how it ranks use `fact prefer`, `fact dispute` or `fact retract`."
            );

        var now = clock.GetUtcNow();
        var claim = store.InTransaction(() =>
        {
            var source = existingSource ?? NewSource(urlText, url!, request, kind, now, scope);
            var claim = new Claim(
                NewClaimId(model.Id, attribute, source.Id, value!.Text, now),
                model.Id,
                attribute,
                value,
                qualifier,
                source.Id,
                quote,
                Rank.Normal,
                null,
                null,
                CurationLog.Who(caller),
                now,
                Origin.Chat,
                scope,
                Basis: basis
            );
            store.Upsert(claim);
            log.Add(
                new CurationEntry(
                    model.Id,
                    claim.Id,
                    CurationLog.AddedClaim,
                    "—",
                    $"{attribute.Label()}: {FactLines.Describe(claim, source)} ({source.Publisher})",
                    null,
                    CurationLog.Who(caller),
                    CurationLog.Where(caller),
                    now,
                    scope
                )
            );
            updates.ClaimsAdded(model, [claim], $"Added by {caller.DisplayName} from chat.");
            return claim;
        });
        outbox.Notify();

        var answer = queries.Facts(model, request.Audience, attribute.Label().ToLowerInvariant(), [attribute]);
        var notes = new List<string>
        {
            $"Claim id {claim.Id}: use it with `fact dispute`, `fact retract` or `fact prefer`.",
        };
        if (scope is not null)
            notes.Add($"Visible only in this server until a global bot admin runs `fact promote {claim.Id}`.");
        notes.Add(
            existingSource is null
                ? $"New source recorded as {kind.ToString().ToLowerInvariant()}; publisher and title {(request.Arg("publisher") is null ? "taken from the address" : "as given")}."
                : $"Source reused: {existingSource.Publisher}, \"{existingSource.Title}\"."
        );
        return answer with
        {
            Title = $"Added claim {claim.Id} · {model.Name}",
            Headline =
                "Saved. This is how it now reads"
                + (answer.HasDispute ? ", including the dispute it is part of:" : ":"),
            Notes = [.. notes, .. answer.Notes],
        };
    }

    /// <summary>A source created from chat, scoped like the claim that cites it (null: the shared base).</summary>
    private Source NewSource(
        string urlText,
        Uri url,
        CommandRequest request,
        SourceKind kind,
        DateTimeOffset now,
        string? scope
    ) =>
        Stored(
            store,
            urlText,
            request.Arg("title") ?? CurationInput.Title(url),
            request.Arg("publisher") ?? CurationInput.Publisher(url),
            kind,
            scope,
            now
        );

    /// <summary>The shared base's id for a URL as before; a server's own source of it gets an id of its own.</summary>
    public static string SourceId(string url, string? scope) =>
        "chat-"
        + Convert
            .ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope is null ? url : scope + "|" + url)), 0, 5)
            .ToLowerInvariant();

    /// <summary>
    /// The shared source a promoted claim cites instead of its server's: the shared base's for that URL, or a new one
    /// made from the address alone, so nothing a server admin typed (title, publisher, kind) reaches every server.
    /// </summary>
    public static Source SharedSourceFor(KnowledgeStore store, Source local, DateTimeOffset now) =>
        store.FindSourceByUrl(local.Url, null) ?? AddressSource(store, local.Url, null, now);

    /// <summary>
    /// A source of the URL made from the address alone (title and publisher read from it, secondary), stored as the
    /// scope's own source of that URL.
    /// </summary>
    public static Source AddressSource(KnowledgeStore store, string urlText, string? scope, DateTimeOffset now)
    {
        var url = new Uri(urlText);
        return Stored(
            store,
            urlText,
            CurationInput.Title(url),
            CurationInput.Publisher(url),
            SourceKind.Secondary,
            scope,
            now
        );
    }

    /// <summary>A chat source of the URL, retrieved today, stored as the scope's own source of it.</summary>
    private static Source Stored(
        KnowledgeStore store,
        string urlText,
        string title,
        string publisher,
        SourceKind kind,
        string? scope,
        DateTimeOffset now
    )
    {
        var source = new Source(
            SourceId(urlText, scope),
            urlText,
            title,
            publisher,
            null,
            DateOnly.FromDateTime(now.UtcDateTime),
            kind,
            Origin.Chat,
            Scope: scope
        );
        store.Upsert(source);
        return source;
    }

    private string NewClaimId(
        string modelId,
        ModelAttribute attribute,
        string sourceId,
        string value,
        DateTimeOffset at
    )
    {
        for (var attempt = 0; ; attempt++)
            if (
                ClaimIds.ForChat(modelId, attribute, sourceId, value, at, attempt) is var id
                && store.FindClaim(id) is null
            )
                return id;
    }

    /// <summary>The model the request names, or the not-found / ambiguous answer to give instead.</summary>
    internal static Answer? FindModel(KnowledgeQueries queries, CommandRequest request, out Model model)
    {
        var resolution = queries.Resolve(request.Arg("model")!, request.Audience);
        model = (resolution as Resolution.Resolution.Found)?.Model!;
        return model is null ? KnowledgeQueries.NotFound(resolution) : null;
    }

    internal static Answer Usage(string text) => Answer.Message(AnswerKind.Usage, "Not saved", text);
}
