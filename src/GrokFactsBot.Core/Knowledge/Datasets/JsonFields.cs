using System.Text.Json;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// Reads the fields of one JSON object (a file per object), reporting each problem at the line of its property.
/// System.Text.Json does not keep positions, so a property's line is found from its quoted name in the text.
/// </summary>
internal sealed class JsonFields(JsonElement element, string file, string text, List<ImportProblem> problems)
{
    private readonly HashSet<string> _read = [];

    public bool IsObject => element.ValueKind == JsonValueKind.Object;

    public int LineOf(string property)
    {
        var at = text.IndexOf($"\"{property}\"", StringComparison.Ordinal);
        return at < 0 ? 1 : 1 + text.AsSpan(0, at).Count('\n');
    }

    public void Problem(string property, string message) =>
        problems.Add(new ImportProblem(file, LineOf(property), message));

    private JsonElement? Get(string property)
    {
        _read.Add(property);
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value
            : null;
    }

    public string? Optional(string property)
    {
        switch (Get(property))
        {
            case null:
            case { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } value:
                var s = value.GetString()!.Trim();
                return s.Length == 0 ? null : s;
            default:
                Problem(property, $"'{property}' must be a string");
                return null;
        }
    }

    public string? Required(string property)
    {
        var value = Optional(property);
        if (value is null)
            Problem(property, $"'{property}' is missing or empty");
        return value;
    }

    /// <summary>A whole number; raw counts such as 405000000000 are longer than an int.</summary>
    public long? Integer(string property)
    {
        switch (Get(property))
        {
            case null:
            case { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var n) && n >= 0:
                return n;
            case var value:
                Problem(property, $"'{property}' must be a whole number ≥ 0, not {value.Value.GetRawText()}");
                return null;
        }
    }

    public bool? Boolean(string property)
    {
        switch (Get(property))
        {
            case null:
            case { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            default:
                Problem(property, $"'{property}' must be true or false");
                return null;
        }
    }

    public IReadOnlyList<string> Strings(string property)
    {
        switch (Get(property))
        {
            case null:
            case { ValueKind: JsonValueKind.Null }:
                return [];
            case { ValueKind: JsonValueKind.Array } array
                when array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                return array.EnumerateArray().Select(e => e.GetString()!).ToList();
            default:
                Problem(property, $"'{property}' must be a list of strings");
                return [];
        }
    }

    public void RejectUnknown()
    {
        if (element.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in element.EnumerateObject().Where(p => !_read.Contains(p.Name)))
            Problem(property.Name, $"unknown field '{property.Name}' (known: {string.Join(", ", _read)})");
    }
}
