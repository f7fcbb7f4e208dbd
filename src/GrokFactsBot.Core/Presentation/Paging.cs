using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Presentation;

/// <summary>
/// A long list cut into pages that each fit a third of a phone screen, the same cut on every platform so "page 2"
/// means the same lines wherever it is asked for.
/// </summary>
public static class Paging
{
    public const int MaxLinesPerPage = 8;
    public const int MaxCharsPerPage = 900;

    public sealed record Page(int Index, int Count, int Start, IReadOnlyList<FactLine> Lines)
    {
        public bool HasPrevious => Index > 0;
        public bool HasNext => Index < Count - 1;
    }

    /// <summary>The page of an answer's lines; help is one page, since it is short and only the asker sees it.</summary>
    public static Page Of(Answer answer, int index) =>
        answer.Kind == AnswerKind.Help ? Of(answer.Facts, 0, int.MaxValue, int.MaxValue) : Of(answer.Facts, index);

    public static Page Of(
        IReadOnlyList<FactLine> lines,
        int index,
        int maxLines = MaxLinesPerPage,
        int maxChars = MaxCharsPerPage
    )
    {
        var starts = Starts(lines, maxLines, maxChars);
        var page = Math.Clamp(index, 0, starts.Count - 1);
        var start = starts[page];
        var end = page + 1 < starts.Count ? starts[page + 1] : lines.Count;
        return new Page(page, starts.Count, start, lines.Skip(start).Take(end - start).ToList());
    }

    private static List<int> Starts(IReadOnlyList<FactLine> lines, int maxLines, int maxChars)
    {
        var starts = new List<int> { 0 };
        var (count, chars) = (0, 0);
        for (var i = 0; i < lines.Count; i++)
        {
            var cost = Cost(lines[i]);
            if (count > 0 && (count >= maxLines || chars + cost > maxChars))
            {
                starts.Add(i);
                (count, chars) = (0, 0);
            }
            count++;
            chars += cost;
        }
        return starts;
    }

    private static int Cost(FactLine line) =>
        line.Label.Length
        + line.Value.Length
        + (line.Note?.Length ?? 0)
        + (line.Dispute?.Summary.Length ?? 0)
        + 8 * line.Cites.Count;
}
