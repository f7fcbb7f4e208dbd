using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge;

public sealed record ImportResult(
    IReadOnlyList<ImportProblem> Problems,
    int FilesRead,
    IReadOnlyList<string> FilesChanged,
    int Models,
    int Sources,
    int Claims,
    IReadOnlyList<Claim> NewClaims
)
{
    public bool Succeeded => Problems.Count == 0;

    public string Summary =>
        Succeeded
            ? $"{FilesRead} knowledge files: {FilesChanged.Count} changed; {Models} models, {Sources} sources, {Claims} claims"
            : $"{Problems.Count} problem(s) in the knowledge files; nothing was imported";
}
