using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// One dataset row in a shape every format maps onto: the names it goes by, who made it, its Hugging Face repos
/// (the strongest key for joining) and what it says, before it is joined to a model.
/// </summary>
internal sealed record DatasetRow(
    Dataset Dataset,
    string RelativePath,
    int Line,
    string RowId,
    string Name,
    IReadOnlyList<string> OtherNames,
    IReadOnlyList<string> Developers,
    IReadOnlyList<string> HfRepos,
    string? Family,
    ModelStatus Status,
    IReadOnlyList<RowClaim> Claims
)
{
    public string FileKey => Dataset.FileKey(RelativePath);

    public string SourceId => $"{Dataset.Key}:{RowId}";

    public IEnumerable<string> AllNames => OtherNames.Prepend(Name);

    public string? Developer => Developers is [var first, ..] ? first : null;

    /// <summary>The day this row dates the model to (any of its dates), for telling checkpoints apart.</summary>
    public DateOnly? FirstDate =>
        Claims
            .Select(c => c.Value)
            .OfType<DateValue>()
            .Where(d => d.Precision is DatePrecision.Day or DatePrecision.Month)
            .Select(d => (DateOnly?)d.Start)
            .Min();
}

/// <summary>One value a row states, with how the dataset knows it and where to find it in the row.</summary>
internal sealed record RowClaim(
    ModelAttribute Attribute,
    FactValue Value,
    string Quote,
    Qualifier Qualifier = Qualifier.Exact,
    Basis? Basis = null,
    string? Note = null
);
