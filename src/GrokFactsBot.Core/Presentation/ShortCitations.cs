using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Presentation;

/// <summary>
/// One compact citation: "xAI, 17 Mar 2024", then "GitHub", "HF" for the same publisher's other pages; a dataset whose
/// licence asks for credit carries it ("Epoch AI (CC BY 4.0)").
/// </summary>
public sealed record ShortCitation(int Number, string Label, string Url);

public static class ShortCitations
{
    public const int MaxShown = 4;

    /// <summary>
    /// The sources behind what a default answer shows, as one line after the facts: the first with its date, a
    /// publisher's further pages by where they are (its GitHub, its Hugging Face), each label once.
    /// </summary>
    public static (IReadOnlyList<ShortCitation> Shown, int More) Of(IEnumerable<Citation> citations)
    {
        var labels = new List<ShortCitation>();
        var publishers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in citations.DistinctBy(c => c.Number).OrderBy(c => c.Number))
        {
            var (publisher, place) = Split(c.Publisher);
            var label = publishers.Add(publisher) ? publisher : Abbreviate(place ?? publisher);
            if (!seen.Add(label))
                continue;
            if (Licence(c.Attribution) is { } licence)
                label = $"{label} ({licence})";
            if (labels.Count == 0 && c.Published is { } published)
                label = $"{label}, {published}";
            labels.Add(new ShortCitation(c.Number, label, c.Url));
        }
        return labels.Count <= MaxShown ? (labels, 0) : (labels[..MaxShown], labels.Count - MaxShown);
    }

    // CC BY asks for credit wherever a value shows: "Data: Epoch AI, CC BY 4.0" puts "(CC BY 4.0)" on Epoch AI.
    private static string? Licence(string? attribution) =>
        attribution?.LastIndexOf(", ", StringComparison.Ordinal) is int comma and > 0 ? attribution[(comma + 2)..] : null;

    /// <summary>"xAI (Hugging Face)" is xAI's page on Hugging Face; "Meta (GitHub, meta-llama/x)" Meta's on GitHub.</summary>
    private static (string Publisher, string? Place) Split(string publisher)
    {
        var open = publisher.IndexOf(" (", StringComparison.Ordinal);
        if (open < 0 || !publisher.EndsWith(')'))
            return (publisher.Trim(), null);
        var inside = publisher[(open + 2)..^1];
        var comma = inside.IndexOf(',', StringComparison.Ordinal);
        return (publisher[..open].Trim(), (comma < 0 ? inside : inside[..comma]).Trim());
    }

    private static string Abbreviate(string place) =>
        place.Equals("Hugging Face", StringComparison.OrdinalIgnoreCase) ? "HF" : place;
}
