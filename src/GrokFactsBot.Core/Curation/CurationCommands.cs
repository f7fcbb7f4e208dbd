using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Curation;

/// <summary>
/// The admin commands: <c>/fact add|dispute|retract|prefer|promote|history</c> and <c>/catalog add|alias</c>.
/// They are their own top-level commands because <c>model</c> already takes a model name, and Discord cannot give
/// one command both options and subcommands; text front ends also accept <c>model add …</c> / <c>model alias …</c>.
/// </summary>
public sealed class CurationCommands(FactCuration facts, FactRanks ranks, CatalogCuration catalog) : ICommandHandler
{
    public const string Fact = "fact",
        Catalog = "catalog";

    private static CommandOption Model(string description = "The model, e.g. grok-2") =>
        new("model", description, OptionKind.Model, Autocomplete: true);

    private static CommandOption ClaimId => new("claim", "The claim id, as `sources <model>` shows it (e.g. k7q2mf)");
    private static CommandOption Reason => new("reason", "Why, in a sentence people will read", TakesRestOfLine: true);

    public IReadOnlyList<CommandDefinition> Definitions { get; } =
    [
        new(
            Fact,
            "Curate facts: add, dispute, retract, prefer, promote, history",
            [],
            Permission.ServerAdmin,
            [
                new(
                    "add",
                    "Add a sourced claim (server admins: local to this server)",
                    [
                        Model(),
                        new("attribute", "What it is about, e.g. license, total_parameters, open_weights_released"),
                        new("value", "The value as the source states it, e.g. MIT, 314B, 2024-08-13"),
                        new("source-url", "The http(s) page that says it"),
                        new("quote", "The key phrase, ≤ 25 words (optional)", Required: false, TakesRestOfLine: true),
                        new("qualifier", "exact (default) or approximate", Required: false),
                        new(
                            "basis",
                            "How the source knows: official, statement, counted, reported, estimate, rumour, promise",
                            Required: false
                        ),
                        new(
                            "kind",
                            "The source: primary (maker's own word), secondary (default) or commentary",
                            Required: false
                        ),
                        new("publisher", "Who published the source (default: the host name)", Required: false),
                        new("title", "The source's title (default: host and path)", Required: false),
                    ],
                    Permission.ServerAdmin
                ),
                new("dispute", "Mark a claim as disputed, with the reason", [ClaimId, Reason], Permission.ServerAdmin),
                new(
                    "retract",
                    "Retract a claim (kept as deprecated, never deleted)",
                    [ClaimId, Reason],
                    Permission.ServerAdmin
                ),
                new("prefer", "Lead with this claim for its fact", [ClaimId, Reason], Permission.ServerAdmin),
                new("promote", "Move a server's local claim into the shared base", [ClaimId], Permission.GlobalAdmin),
                new(
                    "history",
                    "Every change made from chat: who, where, when, before and after",
                    [Model() with { TakesRestOfLine = true }],
                    Permission.ServerAdmin
                ),
            ]
        ),
        new(
            Catalog,
            "Add models and their names",
            [],
            Permission.ServerAdmin,
            [
                new(
                    "add",
                    "Add a model (server admins: local to this server)",
                    [
                        new("name", "Display name, e.g. \"V9-Medium\""),
                        new("developer", "Who makes it, e.g. xAI"),
                        new("aliases", "Other names, separated by commas", Required: false, TakesRestOfLine: true),
                        new("family", "Family key, e.g. grok (default: the name's first word)", Required: false),
                        new("status", "rumoured, announced (default), released or retired", Required: false),
                    ],
                    Permission.ServerAdmin
                ),
                new(
                    "alias",
                    "Add another name for a model",
                    [Model(), new("alias", "The new name", TakesRestOfLine: true)],
                    Permission.ServerAdmin
                ),
            ]
        ),
    ];

    /// <summary>
    /// Text that starts with these is the catalog command, not a model card for a model called "add …".
    /// </summary>
    public static readonly TextAlias[] TextAliases =
    [
        new("model add", $"{Catalog} add"),
        new("model alias", $"{Catalog} alias"),
    ];

    public Answer Handle(CommandRequest request) =>
        (request.Command, request.Subcommand) switch
        {
            (Fact, "add") => facts.Add(request),
            (Fact, "dispute") => ranks.Change(request, RankChange.Dispute),
            (Fact, "retract") => ranks.Change(request, RankChange.Retract),
            (Fact, "prefer") => ranks.Change(request, RankChange.Prefer),
            (Fact, "promote") => ranks.Promote(request),
            (Fact, "history") => ranks.History(request),
            (Catalog, "add") => catalog.Add(request),
            (Catalog, "alias") => catalog.Alias(request),
            _ => throw new InvalidOperationException(
                $"CurationCommands was routed '{request.Command} {request.Subcommand}'"
            ),
        };
}
