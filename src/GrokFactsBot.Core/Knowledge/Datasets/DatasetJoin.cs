using System.Text.RegularExpressions;
using GrokFactsBot.Core.Domain;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// A model as the join sees it: an existing (curated or chat) model or a new one, the rows attached to it, and the
/// keys later rows can meet it by.
/// </summary>
internal sealed class JoinGroup(Model? existing, int? tag)
{
    public Model? Existing { get; } = existing;
    public int? Tag { get; } = tag;
    public List<DatasetRow> Rows { get; } = [];
    public HashSet<string> Developers { get; } = [];
    public List<DateOnly> Dates { get; } = [];

    public bool DateFits(int tag) => Dates.Any(d => Math.Abs(NameForm.Month(d) - tag) <= 1);

    /// <summary>A dated row belongs to the checkpoint of its month; an undated row only to an undated model.</summary>
    public bool TagFits(int? rowTag) =>
        rowTag is null ? Tag is null
        : Tag is not null ? Tag == rowTag
        : DateFits(rowTag.Value);
}

/// <summary>
/// Attaches dataset rows to models: by Hugging Face repo first, then by a name or alias, then by the name with its
/// checkpoint date and "instruct" set aside. A row that fits no model, or more than one, becomes a model of its own:
/// a second model is a smaller harm than one model's figures shown for another.
/// </summary>
internal sealed partial class DatasetJoin
{
    private readonly List<JoinGroup> _groups = [];
    private readonly Dictionary<string, List<JoinGroup>> _byFullKey = [];
    private readonly Dictionary<string, List<JoinGroup>> _byBaseKey = [];
    private readonly Dictionary<string, List<JoinGroup>> _byHf = new(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\d+(?:\.\d+)*[a-z]*")]
    private static partial Regex VersionToken();

    public IReadOnlyList<JoinGroup> Groups => _groups;

    /// <summary>The name keys in the order models claimed them: a key belongs to its first owner.</summary>
    public Dictionary<string, JoinGroup> KeyOwners { get; } = [];

    public void AddExisting(Model model, IEnumerable<DateOnly> dates)
    {
        var forms = NamesOf(model).Select(n => NameForms.Parse(n, null)).ToList();
        var group = new JoinGroup(model, null);
        group.Developers.UnionWith(Datasets.Developers.Keys([model.Developer]));
        group.Dates.AddRange(dates);
        Index(group, forms, model.Aliases.Where(a => a.Contains('/')));
        _groups.Add(group);
    }

    private static IEnumerable<string> NamesOf(Model model) => model.Aliases.Prepend(model.Name).Prepend(model.Id);

    public JoinGroup Add(DatasetRow row)
    {
        var date = row.FirstDate;
        var forms = row.AllNames.Select(n => NameForms.Parse(n, date)).ToList();
        var tag = forms.Select(f => f.Tag).FirstOrDefault(t => t is not null);
        var developers = Datasets.Developers.Keys(row.Developers);
        var group = Match(row, forms, tag, developers) ?? New(tag);
        group.Rows.Add(row);
        group.Developers.UnionWith(developers);
        if (date is { } d)
            group.Dates.Add(d);
        Index(group, forms, row.HfRepos);
        return group;
    }

    private JoinGroup New(int? tag)
    {
        var group = new JoinGroup(null, tag);
        _groups.Add(group);
        return group;
    }

    private JoinGroup? Match(DatasetRow row, List<NameForm> forms, int? tag, HashSet<string> developers)
    {
        bool Fits(JoinGroup g) => Datasets.Developers.Compatible(g.Developers, developers);
        var named = forms.SelectMany(f => Lookup(_byFullKey, f.FullKey)).Distinct().ToList();

        // A repo id is the strongest key, unless the row's own name says it is another model (a notes link to
        // a sibling's licence), or the repo's name lacks the row's version and size.
        var byRepo = row
            .HfRepos.Where(repo => NameFitsRepo(forms[0].BaseKey, row.Name, repo))
            .SelectMany(repo => Lookup(_byHf, repo))
            .Distinct()
            .Where(Fits)
            .ToList();
        if (byRepo is [var repoGroup] && named.All(g => g == repoGroup))
            return repoGroup;

        var byName = forms
            .SelectMany(f => Lookup(_byFullKey, f.FullKey).Where(g => f.TagInName || g.TagFits(tag)))
            .Distinct()
            .Where(Fits)
            .ToList();
        if (byName.Count > 0)
            return Single(byName, tag);

        var byBase = forms
            .SelectMany(f => Lookup(_byBaseKey, f.BaseKey).Concat(Lookup(_byBaseKey, f.LooseKey)))
            .Distinct()
            .Where(g => Fits(g) && g.TagFits(tag))
            .ToList();
        return byBase.Count > 0 ? Single(byBase, tag) : null;
    }

    /// <summary>One candidate is a match; of several, only the one of the row's own checkpoint month is.</summary>
    private static JoinGroup? Single(List<JoinGroup> candidates, int? tag) =>
        candidates.Count == 1 ? candidates[0]
        : candidates.Where(g => g.Tag == tag).ToList() is [var exact] ? exact
        : null;

    private static bool NameFitsRepo(string baseKey, string name, string repo)
    {
        var repoKey = Names.Key(repo);
        var tokens = VersionToken().Matches(name.ToLowerInvariant()).Select(m => Names.Key(m.Value));
        return baseKey.Length > 0 && tokens.All(t => repoKey.Contains(t, StringComparison.Ordinal));
    }

    private void Index(JoinGroup group, IEnumerable<NameForm> forms, IEnumerable<string> repos)
    {
        foreach (var form in forms)
        {
            Add(_byFullKey, form.FullKey, group);
            KeyOwners.TryAdd(form.FullKey, group);
            if (form.Tag == group.Tag || group.Tag is null)
            {
                Add(_byBaseKey, form.BaseKey, group);
                Add(_byBaseKey, form.LooseKey, group);
            }
        }
        foreach (var repo in repos)
        {
            Add(_byHf, repo, group);
            KeyOwners.TryAdd(Names.Key(repo), group);
        }
    }

    private static void Add(Dictionary<string, List<JoinGroup>> index, string key, JoinGroup group)
    {
        if (key.Length == 0)
            return;
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        if (!list.Contains(group))
            list.Add(group);
    }

    private static IEnumerable<JoinGroup> Lookup(Dictionary<string, List<JoinGroup>> index, string key) =>
        key.Length > 0 && index.TryGetValue(key, out var list) ? list : [];
}
