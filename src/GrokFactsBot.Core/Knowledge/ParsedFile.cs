using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge;

internal sealed record Located<T>(T Item, int Line);

/// <summary>What one knowledge file says, with the line each piece came from.</summary>
internal sealed record ParsedFile(
    string RelativePath,
    string Hash,
    List<Located<Source>> Sources,
    List<Located<Model>> Models,
    List<Located<Claim>> Claims
)
{
    public Origin Origin => Origin.File(RelativePath);
}
