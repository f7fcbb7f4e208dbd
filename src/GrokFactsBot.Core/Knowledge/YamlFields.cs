using YamlDotNet.RepresentationModel;

namespace GrokFactsBot.Core.Knowledge;

/// <summary>
/// Reads fields of one YAML mapping, recording a located problem for each one that is missing or malformed.
/// </summary>
internal sealed class YamlFields(YamlMappingNode node, string file, List<ImportProblem> problems, string what)
{
    private readonly HashSet<string> _read = [];

    public int Line => (int)node.Start.Line;

    public List<ImportProblem> ProblemsSink => problems;

    public void Problem(YamlNode? at, string message) =>
        problems.Add(new ImportProblem(file, (int)(at ?? node).Start.Line, message));

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public string? Optional(string key)
    {
        var value = Node(key);
        switch (value)
        {
            case null:
                return null;
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return scalar.Value!.Trim();
            case YamlScalarNode:
                return null;
            default:
                Problem(value, $"{what} field '{key}' must be a single value, not a list or mapping");
                return null;
        }
    }

    public string? Required(string key)
    {
        var value = Optional(key);
        if (value is null && !node.Children.ContainsKey(new YamlScalarNode(key)))
            Problem(null, $"{what} is missing '{key}'");
        else if (value is null)
            Problem(Node(key), $"{what} field '{key}' is empty");
        return value;
    }

    public T? Enum<T>(string key, T? fallback)
        where T : struct, System.Enum
    {
        var text = Optional(key);
        if (text is null)
            return fallback;
        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
            return parsed;
        Problem(
            Node(key),
            $"{what} field '{key}' is '{text}'; expected one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}"
        );
        return null;
    }

    public IReadOnlyList<string> List(string key)
    {
        switch (Node(key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence
                    .Children.OfType<YamlScalarNode>()
                    .Select(s => s.Value?.Trim() ?? "")
                    .Where(s => s.Length > 0)
                    .ToList();
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [scalar.Value!.Trim()];
            case var other:
                Problem(other, $"{what} field '{key}' must be a list");
                return [];
        }
    }

    public IEnumerable<YamlMappingNode> Items(string key)
    {
        switch (Node(key))
        {
            case null:
                yield break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode mapping)
                        yield return mapping;
                    else
                        Problem(item, $"each entry of '{key}' must be a mapping of fields");
                }
                break;
            case var other:
                Problem(other, $"'{key}' must be a list");
                break;
        }
    }

    /// <summary>Flags typos such as 'atribute:' that would otherwise be silently ignored.</summary>
    public void RejectUnknownFields()
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !_read.Contains(k.Value ?? "")))
            Problem(key, $"{what} has an unknown field '{key.Value}' (allowed: {string.Join(", ", _read)})");
    }
}
