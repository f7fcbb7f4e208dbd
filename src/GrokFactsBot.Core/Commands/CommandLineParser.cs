using System.Text;

namespace GrokFactsBot.Core.Commands;

/// <summary>
/// Reads a line of text ("/params grok-1", "compare grok-1 llama 3.1 405b", "params model:grok-1") into a
/// command request using the shared definitions. Text that is not a command comes back as null so the caller can
/// treat it as a question.
/// </summary>
public sealed class CommandLineParser(CommandRouter router)
{
    public CommandRequest? Parse(string line, Caller caller)
    {
        var words = Tokenize(line.Trim().TrimStart('/'));
        if (words.Count == 0)
            return null;
        var root = router.Find(words[0]);
        if (root is null)
            return null;
        var definition = root;
        var rest = words.Skip(1).ToList();
        string? subcommand = null;
        if (root.Subcommands is { Count: > 0 } subs && rest.Count > 0)
        {
            subcommand = rest[0].ToLowerInvariant();
            rest.RemoveAt(0);
            definition =
                subs.FirstOrDefault(s => s.Name.Equals(subcommand, StringComparison.OrdinalIgnoreCase)) ?? root;
        }
        return new CommandRequest(root.Name, subcommand, Bind(definition, rest), caller);
    }

    /// <summary>Named "option:value" words first, then the rest in order; the last option takes what remains.</summary>
    private static Dictionary<string, string> Bind(CommandDefinition definition, List<string> words)
    {
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        foreach (var word in words)
        {
            var colon = word.IndexOf(':');
            var option =
                colon > 0
                    ? definition.Options.FirstOrDefault(o =>
                        o.Name.Equals(word[..colon], StringComparison.OrdinalIgnoreCase)
                    )
                    : null;
            if (option is not null)
                args[option.Name] = word[(colon + 1)..];
            else
                positional.Add(word);
        }
        var open = definition.Options.Where(o => !args.ContainsKey(o.Name)).ToList();
        for (var i = 0; i < open.Count && positional.Count > 0; i++)
        {
            var takesRest = open[i].TakesRestOfLine || i == open.Count - 1;
            var count = takesRest ? positional.Count : 1;
            args[open[i].Name] = string.Join(' ', positional.Take(count));
            positional.RemoveRange(0, count);
        }
        return args;
    }

    public static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var ch in text)
        {
            if (quote is null && ch is '"' or '“' or '”')
            {
                quote = '"';
                continue;
            }
            if (quote is not null && ch is '"' or '“' or '”')
            {
                quote = null;
                continue;
            }
            if (quote is null && char.IsWhiteSpace(ch))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
                continue;
            }
            current.Append(ch);
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }
}
