using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// The checks that span files: unique ids, names that point at one model, claims citing real sources.
/// </summary>
internal static class KnowledgeValidator
{
    public static void Validate(IReadOnlyList<ParsedFile> files, KnowledgeStore store, List<ImportProblem> problems)
    {
        var sources = Unique(files, f => f.Sources, s => s.Id, "source", problems);
        Unique(files, f => f.Models, m => m.Id, "model", problems);
        Unique(files, f => f.Claims, c => c.Id, "claim (the same model, attribute, source and value twice)", problems);

        var owners = new Dictionary<string, (string Model, string File, int Line)>();
        foreach (var file in files)
            foreach (var (model, line) in file.Models)
                foreach (var key in Documents.NameKeys(model))
                {
                    if (owners.TryGetValue(key, out var owner) && owner.Model != model.Id)
                        problems.Add(
                            new ImportProblem(
                                file.RelativePath,
                                line,
                                $"the name '{key}' of model '{model.Id}' already names model '{owner.Model}' ({owner.File}:{owner.Line})"
                            )
                        );
                    else
                        owners[key] = (model.Id, file.RelativePath, line);
                }

        foreach (var file in files)
            foreach (var (claim, line) in file.Claims)
            {
                if (!sources.ContainsKey(claim.SourceId) && store.FindSource(claim.SourceId)?.Origin.IsFile == false)
                    continue;
                if (!sources.ContainsKey(claim.SourceId))
                    problems.Add(
                        new ImportProblem(
                            file.RelativePath,
                            line,
                            $"claim cites source '{claim.SourceId}', which no knowledge file defines"
                        )
                    );
            }
    }

    private static Dictionary<string, (string File, int Line)> Unique<T>(
        IReadOnlyList<ParsedFile> files,
        Func<ParsedFile, List<Located<T>>> items,
        Func<T, string> id,
        string what,
        List<ImportProblem> problems
    )
    {
        var seen = new Dictionary<string, (string File, int Line)>();
        foreach (var file in files)
            foreach (var (item, line) in items(file))
            {
                if (seen.TryGetValue(id(item), out var first))
                    problems.Add(
                        new ImportProblem(
                            file.RelativePath,
                            line,
                            $"duplicate {what} id '{id(item)}', first defined at {first.File}:{first.Line}"
                        )
                    );
                else
                    seen[id(item)] = (file.RelativePath, line);
            }
        return seen;
    }
}
