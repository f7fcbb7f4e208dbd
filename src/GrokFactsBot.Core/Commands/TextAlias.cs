namespace GrokFactsBot.Core.Commands;

/// <summary>
/// Lets text front ends accept a spelling that is not a command name, e.g. "model add …" for "catalog add …".
/// Features register these in DI; <see cref="TextCommandRunner"/> applies them before parsing.
/// </summary>
public sealed record TextAlias(string Prefix, string Replacement)
{
    public bool TryApply(string line, out string rewritten)
    {
        var text = line.TrimStart('/');
        var matches =
            text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && (text.Length == Prefix.Length || char.IsWhiteSpace(text[Prefix.Length]));
        rewritten = matches ? Replacement + text[Prefix.Length..] : line;
        return matches;
    }
}
