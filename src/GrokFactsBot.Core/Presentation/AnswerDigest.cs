using System.Runtime.CompilerServices;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Presentation;

/// <summary>A supporting line under the lead: "Active parameters: ≈86B", tagged only when not plainly confirmed.</summary>
public sealed record DigestLine(string Label, string Value, string? Tag, bool IsDisputed);

/// <summary>
/// What a default answer shows on every platform, worked out once: line one (the answer), at most
/// <see cref="MaxLines"/> supporting lines that repeat nothing in it, the compact citations for what is shown, and the
/// buttons that open the rest. Everything else of the answer is one click away, never in the channel.
/// </summary>
public sealed record AnswerDigest(
    LeadLine Lead,
    IReadOnlyList<DigestLine> Lines,
    ComparisonTable? Table,
    IReadOnlyList<ShortCitation> Sources,
    int MoreSources,
    IReadOnlyList<AnswerAction> Actions
)
{
    public const int MaxLines = 3;
    public const string StatusLabel = "Status";

    private static readonly ConditionalWeakTable<Answer, AnswerDigest> Built = new();

    /// <summary>Facts answers are digested; lists page, and messages are short already.</summary>
    public static bool Applies(Answer answer) => answer.Kind == AnswerKind.Facts;

    public static AnswerDigest Of(Answer answer) => Built.GetValue(answer, Build);

    private static AnswerDigest Build(Answer answer)
    {
        var facts = answer.Facts.Where(f => f.Label != StatusLabel).ToList();
        var table = ComparisonTable.Of(answer);
        var (lead, first) = answer.Lead is { } given ? (given, null) : FallbackLead(answer, facts, table);
        var leadText = string.Join(" ", lead.Context.Prepend(lead.Answer));
        var represented = table is not null
            ? facts
            : facts.Where(f => f == first || Mentions(leadText, f.Value)).ToList();
        // A chart shows its points; the text under it is its lead and caption.
        var lines = facts
            .Where(_ => answer.Image is null)
            .Except(represented)
            .DistinctBy(f => f.Value)
            .Take(MaxLines)
            .Select(f => new DigestLine(f.Label, f.Value, Tag(f), f.Dispute is not null))
            .ToList();
        // A tag already said (in line one or on a line above) is not said again.
        var said = new HashSet<string>(lead.Context, StringComparer.Ordinal);
        lines = lines.Select(l => l.Tag is { } tag && !said.Add(tag) ? l with { Tag = null } : l).ToList();
        var shownValues = lines.Select(l => l.Value).ToHashSet();
        var cited = facts
            .Where(f => answer.Image is not null || represented.Contains(f) || shownValues.Contains(f.Value))
            .SelectMany(f => f.Cites)
            .ToHashSet();
        var (sources, more) = ShortCitations.Of(answer.Citations.Where(c => cited.Contains(c.Number)));
        return new AnswerDigest(lead, lines, table, sources, more, ActionsOf(answer));
    }

    /// <summary>
    /// Until every answer carries its own lead: the first fact's value with the model's name, or the verdict of a
    /// comparison, or the one-line summary of a card.
    /// </summary>
    private static (LeadLine Lead, FactLine? First) FallbackLead(
        Answer answer,
        List<FactLine> facts,
        ComparisonTable? table
    )
    {
        var subject = Subject(answer);
        if (facts.Count == 0 && table is null && subject is not null && answer.Headline is null)
            return (new LeadLine($"{subject} {Topic(answer)}: not recorded", [NothingRecorded]), null);
        if (table is not null || facts.Count == 0)
            return (new LeadLine(answer.Headline ?? (answer.Notes.Count > 0 ? answer.Notes[0] : answer.Title), []), null);
        if (subject is null)
            return (new LeadLine(answer.Title, answer.Headline is { } summary ? [summary] : []), null);
        var first = facts[0];
        var context = new List<string>();
        if (first.Value == SourcesDisagree)
            context.Add("⚠ " + (first.Assessment ?? "no source outranks the others"));
        else if (Tag(first) is { } tag)
            context.Add(tag);
        else if (first.Cites.Count > 0)
            context.Add(first.Assessment ?? "confirmed");
        return (new LeadLine($"{subject} {ModelAttributes.InText(first.Label)}: {first.Value}", context), first);
    }

    /// <summary>How sure a line is, in words, when that is not simply "confirmed"; a dispute always says so.</summary>
    public static string? Tag(FactLine fact) =>
        fact.Dispute is not null ? "⚠ " + (fact.Assessment ?? "disputed")
        : fact.Confidence is Confidence.Confirmed || fact.Cites.Count == 0 ? null
        : fact.Assessment ?? fact.Confidence.ToString().ToLowerInvariant();

    private const string SourcesDisagree = "sources disagree";
    private const string NothingRecorded = "no source in the knowledge base states it";

    private static string Topic(Answer answer) => answer.Title[(answer.Title.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];

    /// <summary>The model an answer is about: "Grok-1" of "Grok-1: parameters"; null for a card or a list.</summary>
    public static string? Subject(Answer answer)
    {
        var colon = answer.Title.LastIndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? answer.Title[..colon] : null;
    }

    /// <summary>The buttons under a default answer: the engine's, with "Full card" for a card too.</summary>
    public static IReadOnlyList<AnswerAction> ActionsOf(Answer answer) =>
        answer.Kind == AnswerKind.Facts ? WithFullCard(answer.Actions) : answer.Actions;

    /// <summary>
    /// A card's digest hides most of the card, so it too gets "Full card": the model of its "sources" button.
    /// </summary>
    private static IReadOnlyList<AnswerAction> WithFullCard(IReadOnlyList<AnswerAction> actions)
    {
        if (actions.Any(a => a.Command.StartsWith(CardCommand, StringComparison.OrdinalIgnoreCase)))
            return actions;
        var sources = actions.Where(a => a.Command.StartsWith(SourcesCommand, StringComparison.Ordinal)).ToList();
        return sources.Count == 1
            ? [.. actions, new AnswerAction("Full card", CardCommand + sources[0].Command[SourcesCommand.Length..])]
            : actions;
    }

    private const string CardCommand = "model ",
        SourcesCommand = "sources ";

    /// <summary>A value is in the lead if its core is: "Grok 2 Community License" for "… (open weights …)".</summary>
    private static bool Mentions(string text, string value) =>
        CoreOf(value) is { Length: > 0 } core && text.Contains(core, StringComparison.OrdinalIgnoreCase);

    /// <summary>A value without its parenthetical class or approximation sign.</summary>
    public static string CoreOf(string value) => value.Split(" (", 2)[0].TrimStart('≈', '~').Trim();
}
