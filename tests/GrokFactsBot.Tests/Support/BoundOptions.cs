using System.Collections;
using System.Reflection;

namespace GrokFactsBot.Tests.Support;

/// <summary>
/// Every options class the bot binds, found the way the code marks them (a <c>const string Section</c>), and the
/// environment variable of each of its settings.
/// </summary>
public static class BoundOptions
{
    public static IReadOnlyList<(string Section, Type Type)> All() =>
        [
            .. BotAssemblies()
                .SelectMany(a => a.GetTypes())
                .Select(t => (Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static), Type: t))
                .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
                .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
                .OrderBy(x => x.Item1),
        ];

    /// <summary><c>Section__Setting</c>, with <c>__0</c> for a list (its first item).</summary>
    public static IEnumerable<string> EnvironmentVariables(string section, Type type)
    {
        var prefix = section.Replace(":", "__", StringComparison.Ordinal);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p =>
                p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                    ? $"{prefix}__{p.Name}__0"
                    : $"{prefix}__{p.Name}"
            );
    }

    private static IEnumerable<Assembly> BotAssemblies()
    {
        var host = typeof(Program).Assembly;
        return host.GetReferencedAssemblies()
            .Where(n => n.Name!.StartsWith("GrokFactsBot", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(host);
    }
}
