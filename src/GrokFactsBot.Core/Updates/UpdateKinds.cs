using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Updates;

/// <summary>What kind of change an update reports; a subscription's <c>kind:</c> filter picks among these.</summary>
[Flags]
public enum UpdateKinds
{
    None = 0,
    NewModel = 1,
    Release = 2,
    License = 4,
    Params = 8,
    Context = 16,
    Disputed = 32,
    Other = 64,
}

public static class UpdateKindNames
{
    private static readonly (UpdateKinds Kind, string Name)[] Table =
    [
        (UpdateKinds.NewModel, "new-model"),
        (UpdateKinds.Release, "release"),
        (UpdateKinds.License, "license"),
        (UpdateKinds.Params, "params"),
        (UpdateKinds.Context, "context"),
        (UpdateKinds.Disputed, "disputed"),
        (UpdateKinds.Other, "other"),
    ];

    public static string Known => string.Join(", ", Table.Select(t => t.Name));

    public static string Describe(UpdateKinds kinds) =>
        kinds == UpdateKinds.None
            ? "all"
            : string.Join(",", Table.Where(t => kinds.HasFlag(t.Kind)).Select(t => t.Name));

    public static bool TryParse(string name, out UpdateKinds kind)
    {
        var key = name.Trim().ToLowerInvariant().Replace('_', '-');
        kind = Table.FirstOrDefault(t => t.Name == key || t.Name.Replace("-", "") == key).Kind;
        return kind != UpdateKinds.None;
    }

    /// <summary>The kind of change a claim about this attribute is: the kind of the topic that shows it.</summary>
    public static UpdateKinds For(ModelAttribute attribute) => Answers.Topics.UpdateKindOf(attribute);
}
