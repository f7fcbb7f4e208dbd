using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// One copy of each repeated string, origin and value while one snapshot is read. LiteDB hands every document its
/// own strings, so without this each of thousands of claims keeps its own "file" / path / publisher / dataset note /
/// model and source id. Lives for one build only: what the snapshot keeps, it keeps; the pool itself is dropped.
/// </summary>
internal sealed class SharedCopies
{
    private readonly HashSet<string>? _strings;
    private readonly Dictionary<(string Kind, string Name), Origin>? _origins;
    private readonly Dictionary<(ValueKind Kind, string Text), FactValue>? _values;

    private SharedCopies(bool sharing)
    {
        if (!sharing)
            return;
        _strings = new HashSet<string>(StringComparer.Ordinal);
        _origins = [];
        _values = [];
    }

    /// <summary>A pool for one snapshot build.</summary>
    public static SharedCopies ForOneBuild() => new(sharing: true);

    /// <summary>For a single document read on its own: nothing to share with.</summary>
    public static readonly SharedCopies None = new(sharing: false);

    public string Share(string text)
    {
        if (_strings is null)
            return text;
        if (_strings.TryGetValue(text, out var kept))
            return kept;
        _strings.Add(text);
        return text;
    }

    public string? ShareOrNull(string? text) => text is null ? null : Share(text);

    public Origin Origin(string kind, string name)
    {
        if (_origins is null)
            return new Origin(kind, name);
        if (!_origins.TryGetValue((kind, name), out var origin))
            _origins[(kind, name)] = origin = new Origin(Share(kind), Share(name));
        return origin;
    }

    /// <summary>Values are immutable and parse alike for every attribute of one kind: equal text, one value.</summary>
    public FactValue Value(ModelAttribute attribute, string text)
    {
        if (_values is null)
            return ValueParser.ParseStored(attribute, text);
        var key = (attribute.Kind(), text);
        if (!_values.TryGetValue(key, out var value))
            _values[key] = value = ValueParser.ParseStored(attribute, Share(text));
        return value;
    }

    /// <summary>A source's publication date; null when it no longer parses (it is then shown as unknown).</summary>
    public DateValue? Date(string text)
    {
        if (_values?.GetValueOrDefault((ValueKind.Date, text)) is DateValue kept)
            return kept;
        if (!DateValue.TryParse(text, out var date, out _))
            return null;
        _values?.TryAdd((ValueKind.Date, text), date!);
        return date;
    }
}
