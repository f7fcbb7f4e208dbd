using System.Collections.Concurrent;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Core.Storage;

/// <summary>
/// One copy of each repeated string, origin and value while one snapshot is read. LiteDB hands every document its
/// own strings, so without this each of thousands of claims keeps its own "file" / path / publisher / dataset note /
/// model and source id. Lives for one build only: what the snapshot keeps, it keeps; the pool itself is dropped.
/// Safe to share between the threads of one build (claims are read beside the rest).
/// </summary>
internal sealed class SharedCopies
{
    private readonly ConcurrentDictionary<string, string>? _strings;
    private readonly ConcurrentDictionary<(string Kind, string Name), Origin>? _origins;
    private readonly ConcurrentDictionary<(ValueKind Kind, string Text), FactValue>? _values;

    private SharedCopies(bool sharing)
    {
        if (!sharing)
            return;
        _strings = new(StringComparer.Ordinal);
        _origins = new();
        _values = new();
    }

    /// <summary>A pool for one snapshot build.</summary>
    public static SharedCopies ForOneBuild() => new(sharing: true);

    /// <summary>For a single document read on its own: nothing to share with.</summary>
    public static readonly SharedCopies None = new(sharing: false);

    public string Share(string text) => _strings is null ? text : _strings.GetOrAdd(text, text);

    public string? ShareOrNull(string? text) => text is null ? null : Share(text);

    public Origin Origin(string kind, string name) =>
        _origins is null
            ? new Origin(kind, name)
            : _origins.GetOrAdd(
                (kind, name),
                static (key, self) => new Origin(self.Share(key.Kind), self.Share(key.Name)),
                this
            );

    /// <summary>Values are immutable and parse alike for every attribute of one kind: equal text, one value.</summary>
    public FactValue Value(ModelAttribute attribute, string text) =>
        _values is null
            ? ValueParser.ParseStored(attribute, text)
            : _values.GetOrAdd(
                (attribute.Kind(), text),
                static (key, attribute) => ValueParser.ParseStored(attribute, key.Text),
                attribute
            );

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
