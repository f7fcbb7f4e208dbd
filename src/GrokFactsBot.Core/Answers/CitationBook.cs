using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Answers;

/// <summary>
/// Numbers sources in the order an answer first cites them, so "[2]" means the same thing throughout.
/// </summary>
internal sealed class CitationBook
{
    private readonly Dictionary<string, Citation> _bySource = [];

    public IReadOnlyList<Citation> Citations => _bySource.Values.OrderBy(c => c.Number).ToList();

    public int Cite(Source source, string? quote)
    {
        if (_bySource.TryGetValue(source.Id, out var existing))
            return existing.Number;
        var citation = new Citation(
            _bySource.Count + 1,
            source.Publisher,
            source.Title,
            source.Published?.Display,
            source.Url,
            source.Kind,
            quote,
            source.Attribution
        );
        _bySource[source.Id] = citation;
        return citation.Number;
    }
}
