using System.Security.Cryptography;
using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Curation;

/// <summary>
/// <c>catalog add</c> and <c>catalog alias</c> (also typed as <c>model add</c> / <c>model alias</c>): models and their
/// names.
/// </summary>
public sealed class CatalogCuration(
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
        var (name, developer) = (request.Arg("name")!, request.Arg("developer")!);
        var aliases = SplitAliases(request.Arg("aliases"));
        if (aliases.Count > CurationInput.MaxAliases)
            return FactCuration.Usage($"At most {CurationInput.MaxAliases} aliases at once.");
        var problem =
            CurationInput.Line("the name", name, CurationInput.MaxName)
            ?? CurationInput.Line("the developer", developer, CurationInput.MaxName)
            ?? CurationInput.Line("the family", request.Arg("family"), CurationInput.MaxName, false)
            ?? aliases
                .Select(a => CurationInput.Line($"alias '{a}'", a, CurationInput.MaxName))
                .FirstOrDefault(p => p is not null);
        if (problem is not null)
            return FactCuration.Usage(problem);
        if (!TryStatus(request.Arg("status"), out var status))
            return FactCuration.Usage(
                $"status '{request.Arg("status")}' is not one of rumoured, announced, released, retired."
            );
        var slug = Slug(name);
        if (slug.Length == 0)
            return FactCuration.Usage("The name needs at least one letter or digit.");

        var now = clock.GetUtcNow();
        var model = new Model(
            scope is null ? slug : $"{slug}@{ScopeTag(scope)}",
            name,
            developer,
            Names.Key(request.Arg("family") ?? name.Split(' ', '-')[0]),
            status,
            DateOnly.FromDateTime(now.UtcDateTime),
            aliases,
            null,
            Origin.Chat,
            scope
        );
        if (store.FindModel(model.Id) is not null || NameClash(model, request.Audience) is not null)
            return FactCuration.Usage(
                $"A model here is already called that: {NameClash(model, request.Audience) ?? model.Id}. Add a different name, or an alias with `model alias`."
            );
        store.InTransaction(() =>
        {
            store.Upsert(model);
            log.Add(
                new CurationEntry(
                    model.Id,
                    null,
                    "added model",
                    "—",
                    $"{name} by {developer}{(aliases.Count == 0 ? "" : $", also {string.Join(", ", aliases)}")}",
                    null,
                    CurationLog.Who(caller),
                    CurationLog.Where(caller),
                    now,
                    scope
                )
            );
            updates.ModelAdded(model, $"Added by {caller.DisplayName} from chat.");
            return 0;
        });
        outbox.Notify();
        var card = queries.Card(model.Name, request.Audience);
        return card with
        {
            Title = $"Added model {model.Name}",
            Headline =
                "Saved. Add its facts with `fact add`." + (scope is null ? "" : " It is visible only in this server."),
        };
    }

    public Answer Alias(CommandRequest request)
    {
        if (FactCuration.FindModel(queries, request, out var model) is { } notFound)
            return notFound;
        if (CurationAccess.ForChanging(request.Caller, model.Scope, $"{model.Name}'s names") is { } refusal)
            return refusal;
        var alias = request.Arg("alias")!;
        if (CurationInput.Line("the alias", alias, CurationInput.MaxName) is { } problem)
            return FactCuration.Usage(problem);
        var renamed = model with { Aliases = [.. model.Aliases, alias] };
        if (Names.Key(alias).Length == 0)
            return FactCuration.Usage("The alias needs at least one letter or digit.");
        if (Documents.NameKeys(model).Contains(Names.Key(alias)))
            return FactCuration.Usage($"'{alias}' already finds {model.Name}.");
        if (NameClash(renamed, request.Audience) is { } clash)
            return FactCuration.Usage($"'{alias}' already names {clash}.");
        var now = clock.GetUtcNow();
        store.InTransaction(() =>
        {
            store.Upsert(renamed);
            if (model.Origin.IsFile)
                store.AddChatAlias(model.Id, alias);
            log.Add(
                new CurationEntry(
                    model.Id,
                    null,
                    "added alias",
                    string.Join(", ", model.Aliases),
                    string.Join(", ", renamed.Aliases),
                    null,
                    CurationLog.Who(request.Caller),
                    CurationLog.Where(request.Caller),
                    now,
                    model.Scope
                )
            );
            return 0;
        });
        return Answer.Message(
            AnswerKind.Done,
            $"Alias added · {model.Name}",
            $"'{alias}' now finds {model.Name}.",
            $"Names: {string.Join(", ", renamed.Aliases.Prepend(model.Name))}"
        );
    }

    /// <summary>The name of another visible model that one of this model's names already points at.</summary>
    private string? NameClash(Model model, Audience audience) =>
        new[] { model.Name }
            .Concat(model.Aliases)
            .Select(Names.Key)
            .Where(k => k.Length > 0)
            .SelectMany(store.FindModelsByKey)
            .FirstOrDefault(m => m.Id != model.Id && audience.CanSee(m.Scope))
            ?.Name;

    private static List<string> SplitAliases(string? text) =>
        text is null
            ? []
            : text.Split(
                    text.Contains(',') ? [','] : [' '],
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                )
                .Distinct()
                .ToList();

    private static string Slug(string name) =>
        string.Join(
            '-',
            new string(
                name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : ' ').ToArray()
            ).Split(' ', StringSplitOptions.RemoveEmptyEntries)
        );

    private static string ScopeTag(string scope) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)), 0, 3).ToLowerInvariant();

    private static bool TryStatus(string? text, out ModelStatus status)
    {
        status = ModelStatus.Announced;
        return text is null
            || (
                Enum.TryParse(text.Trim().Replace("rumored", "rumoured"), ignoreCase: true, out status)
                && Enum.IsDefined(status)
                && !int.TryParse(text, out _)
            );
    }
}
