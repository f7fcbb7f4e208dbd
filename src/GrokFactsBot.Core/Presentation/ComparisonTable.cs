using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Presentation;

public sealed record ComparisonRow(string Label, string Left, string Right);

/// <summary>A comparison as two columns, one row per attribute asked about; "—" where a model has no value.</summary>
public sealed record ComparisonTable(string Left, string Right, IReadOnlyList<ComparisonRow> Rows)
{
    public const int MaxRows = 5;
    public const string Missing = "—";
    private const string Separator = " — ";

    /// <summary>The two models of "A vs B".</summary>
    public static (string Left, string Right)? Models(Answer answer)
    {
        var parts = answer.Title.Split(" vs ", 2, StringSplitOptions.TrimEntries);
        return parts is [{ Length: > 0 } left, { Length: > 0 } right] ? (left, right) : null;
    }

    public static ComparisonTable? Of(Answer answer)
    {
        if (Models(answer) is not var (left, right))
            return null;
        var rows = new List<(string Label, string? Left, string? Right)>();
        foreach (var fact in answer.Facts)
        {
            var split = fact.Label.IndexOf(Separator, StringComparison.Ordinal);
            if (split < 0)
                continue;
            var (model, attribute) = (fact.Label[..split], fact.Label[(split + Separator.Length)..]);
            var label = ShortLabels.GetValueOrDefault(attribute, char.ToUpperInvariant(attribute[0]) + attribute[1..]);
            var index = rows.FindIndex(r => r.Label == label);
            if (index < 0)
            {
                rows.Add((label, null, null));
                index = rows.Count - 1;
            }
            var value = Cell(fact);
            rows[index] = model == left ? rows[index] with { Left = value }
                : model == right ? rows[index] with { Right = value }
                : rows[index];
        }
        return rows.Count == 0
            ? null
            : new ComparisonTable(
                left,
                right,
                rows.Take(MaxRows).Select(r => new ComparisonRow(r.Label, r.Left ?? Missing, r.Right ?? Missing)).ToList()
            );
    }

    /// <summary>A phone shows each column about 150 px wide: a row says what it is in a word where it can.</summary>
    private static readonly Dictionary<string, string> ShortLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["total parameters"] = "Total",
        ["active parameters"] = "Active",
        ["context length"] = "Context",
    };

    /// <summary>
    /// A cell is short: the value without its class ("Apache-2.0", not "Apache-2.0 (OSI open source)"; the class is
    /// one click away), and one word when it is not plainly confirmed.
    /// </summary>
    private static string Cell(FactLine fact) =>
        fact.Dispute is not null ? $"⚠ {Short(AnswerDigest.CoreOf(fact.Value))}"
        : fact.Confidence is Confidence.Confirmed || fact.Cites.Count == 0 ? Short(fact.Value.Split(" (", 2)[0])
        : $"{Short(AnswerDigest.CoreOf(fact.Value))} ({fact.Confidence.ToString().ToLowerInvariant()})";

    /// <summary>"Technical University of Munich +5": a long list names its first item and counts the rest.</summary>
    public static string Short(string value)
    {
        var items = value.Split(", ");
        return value.Length <= MaxCell || items.Length < 2 ? value : $"{items[0]} +{items.Length - 1}";
    }

    private const int MaxCell = 48;
}
