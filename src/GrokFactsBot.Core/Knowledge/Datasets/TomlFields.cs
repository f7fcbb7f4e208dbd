using System.Globalization;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace GrokFactsBot.Core.Knowledge.Datasets;

/// <summary>
/// A TOML file read through Tomlyn's syntax tree, so every value keeps its line: top-level keys, tables
/// ("[limit]") and arrays of tables ("[[weights]]"), each as a flat map of key → (value, line).
/// </summary>
internal sealed class TomlFields
{
    public sealed record Item(object? Value, int Line);

    public sealed class Table(int line)
    {
        public int Line { get; } = line;
        public Dictionary<string, Item> Values { get; } = new(StringComparer.Ordinal);

        public string? String(string key) => Values.TryGetValue(key, out var item) ? item.Value as string : null;

        public int LineOf(string key) => Values.TryGetValue(key, out var item) ? item.Line : Line;
    }

    public Table Root { get; } = new(1);
    public Dictionary<string, Table> Tables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<Table>> TableArrays { get; } = new(StringComparer.Ordinal);

    public static TomlFields? Parse(string file, string text, List<ImportProblem> problems)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, file, validate: true);
        }
        catch (Exception e) when (e is Tomlyn.TomlException or InvalidOperationException or ArgumentException)
        {
            problems.Add(new ImportProblem(file, 0, $"not valid TOML: {e.Message}"));
            return null;
        }
        if (document.HasErrors)
        {
            foreach (var message in document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error))
                problems.Add(
                    new ImportProblem(file, message.Span.Start.Line + 1, $"not valid TOML: {message.Message}")
                );
            return null;
        }
        var fields = new TomlFields();
        Fill(fields.Root, document.KeyValues);
        foreach (var table in document.Tables)
        {
            var name = table.Name?.ToString().Trim() ?? "";
            var target = new Table(table.Span.Start.Line + 1);
            Fill(target, table.Items);
            if (table is TableArraySyntax)
            {
                if (!fields.TableArrays.TryGetValue(name, out var list))
                    fields.TableArrays[name] = list = [];
                list.Add(target);
            }
            else
                fields.Tables[name] = target;
        }
        return fields;
    }

    private static void Fill(Table table, SyntaxList<KeyValueSyntax> items)
    {
        foreach (var item in items)
        {
            var key = item.Key?.ToString().Trim().Trim('"') ?? "";
            table.Values[key] = new Item(ValueOf(item.Value), item.Span.Start.Line + 1);
        }
    }

    private static object? ValueOf(ValueSyntax? value) =>
        value switch
        {
            StringValueSyntax s => s.Value,
            IntegerValueSyntax i => i.Value,
            FloatValueSyntax f => f.Value,
            BooleanValueSyntax b => b.Value,
            DateTimeValueSyntax d => d.Token?.Text,
            ArraySyntax a => a.Items.Select(i => ValueOf(i.Value)).ToList(),
            _ => value?.ToString()?.Trim(),
        };

    public static string Describe(object? value) =>
        value switch
        {
            null => "nothing",
            string s => $"\"{s}\"",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
