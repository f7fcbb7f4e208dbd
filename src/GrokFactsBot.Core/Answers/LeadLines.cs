using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// Line one of a facts answer: the value asked for in bold ("Grok-1: 314B total"), then what qualifies it: the
/// other values of the topic, how sure the bot is in words, and a warning when sources disagree.
/// </summary>
internal static class LeadLines
{
    public static LeadLine For(ModelView view, IReadOnlyList<FactAnalysis> facts)
    {
        var name = view.Model.Name;
        var primary = facts.FirstOrDefault(f => f.IsRecorded);
        if (primary is null)
        {
            var asked = facts.Count == 0 ? "this" : facts[0].Attribute.LabelInText();
            return new LeadLine(
                $"{name}: no {asked} recorded",
                [$"no source in the knowledge base gives it (as of {view.AsOfText})"]
            );
        }
        var context = new List<string>();
        if (primary.Attribute == ModelAttribute.License && primary.Lead?.Best.Value is LicenseValue license)
            context.Add(license.ClassDisplay);
        context.AddRange(
            facts
                .Where(f => f != primary && (f.Lead is not null || f.Sides.Count == 0 && f.IsRecorded))
                .Where(f => f.Attribute != ModelAttribute.Architecture)
                .Select(f => Short(f))
        );
        context.Add(FactLines.Assessment(primary, view.Context));
        if (Warning(primary, view) is { } warning)
            context.Add(warning);
        return new LeadLine($"{name}: {Short(primary)}", context);
    }

    /// <summary>A value as line one says it: "314B total", "≈86B active", "announced 3 Nov 2023", "Apache-2.0".</summary>
    public static string Short(FactAnalysis fact)
    {
        if (fact.Sides.Count == 0)
            return $"{fact.Attribute.LabelInText()} not disclosed";
        if (fact.Lead is null)
            return $"sources disagree on {fact.Attribute.LabelInText()}";
        var value = Value(fact.Lead);
        var said = fact.Attribute switch
        {
            ModelAttribute.TotalParameters => $"{value} total",
            ModelAttribute.ActiveParameters => $"{value} active",
            ModelAttribute.Experts => $"experts: {value}",
            ModelAttribute.Developer => $"made by {value}",
            ModelAttribute.License or ModelAttribute.ContextLength => value,
            ModelAttribute.LargestOpenModel => $"largest open-weights model: {value}",
            _ when fact.Attribute.Kind() == ValueKind.Date => $"{fact.Attribute.LabelInText()} {value}",
            _ => $"{fact.Attribute.LabelInText()}: {value}",
        };
        return said + Hedge(fact);
    }

    /// <summary>
    /// "⚠ one source says Apache-2.0 (commentary; contradicted by xAI)": the minority, who they are and who outweighs
    /// them; with no leading side, every side.
    /// </summary>
    public static string? Warning(FactAnalysis fact, ModelView view)
    {
        if (!fact.IsDisputed)
            return null;
        if (fact.Lead is null)
            return "⚠ sources disagree: "
                + string.Join(" vs ", fact.Sides.Select(s => $"{Value(s)} ({Publishers(s)})"));
        var others = fact.Sides.Where(s => s != fact.Lead).ToList();
        if (others.Count == 0)
            return $"⚠ disputed by an admin: {fact.Questioned[0].DisputeReason}";
        var by = fact.Lead.HasPrimary ? view.Model.Developer : Publishers(fact.Lead);
        return "⚠ "
            + string.Join(
                "; ",
                others.Select(s =>
                {
                    var count = s.Claims.Select(c => c.Source.Id).Distinct().Count();
                    var says = count == 1 ? "one source says" : $"{count} sources say";
                    var kind = s.StrongestSource.ToString().ToLowerInvariant();
                    return $"{says} {Value(s)} ({kind}; contradicted by {by})";
                })
            );
    }

    public static IReadOnlyList<AnswerAction> Actions(Model model, bool disputed, bool isCard = false)
    {
        var actions = new List<AnswerAction> { new("Sources", $"sources {model.Id}") };
        if (disputed)
            actions.Add(new AnswerAction("Why disputed?", $"disputes {model.Id}"));
        if (!isCard)
            actions.Add(new AnswerAction("Full card", $"model {model.Id}"));
        return actions;
    }

    public static string Text(LeadLine lead) =>
        lead.Context.Count == 0 ? lead.Answer : $"{lead.Answer} · {string.Join(" · ", lead.Context)}";

    /// <summary>
    /// Line one's bold part never reads as settled when it isn't: "1.5T total (claimed)", "1.76T total
    /// (rumoured)", "by Feb 2026 (overdue)"; a dispute is the warning beside it.
    /// </summary>
    private static string Hedge(FactAnalysis fact)
    {
        var (claim, source) = fact.Lead!.BestEvidence;
        var basis = Evidence.BasisOf(claim, source);
        return fact.Confidence switch
        {
            Confidence.Claimed => " (claimed)",
            Confidence.Speculative => basis switch
            {
                Basis.Rumour => " (rumoured)",
                Basis.Estimate => " (estimate)",
                _ => " (unconfirmed)",
            },
            Confidence.Unknown when basis == Basis.Promise => OverdueHedge,
            _ => basis == Basis.Promise ? " (promised)" : "",
        };
    }

    /// <summary>
    /// An assessment placed beside a hedged value: "… by Feb 2026 (overdue) · promised by xAI, not done as of …",
    /// not "overdue" twice.
    /// </summary>
    public static string Beside(string hedged, string assessment) =>
        hedged.EndsWith(OverdueHedge, StringComparison.Ordinal)
        && assessment.StartsWith(ConfidenceRule.OverduePrefix, StringComparison.Ordinal)
            ? assessment[ConfidenceRule.OverduePrefix.Length..]
            : assessment;

    private const string OverdueHedge = " (overdue)";

    /// <summary>The value alone: how it is known (rumour, promise) is what the assessment beside it says.</summary>
    private static string Value(Side side)
    {
        var claim = side.Best;
        var value = claim.Value is LicenseValue license ? license.Display : claim.Value.Display;
        return claim.Qualifier == Qualifier.Approximate && !value.StartsWith('≈') ? $"≈{value}" : value;
    }

    private static string Publishers(Side side) =>
        string.Join(", ", side.Claims.Select(c => ConfidenceRule.Speaker(c.Source).Who).Distinct());
}
