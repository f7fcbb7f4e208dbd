namespace GrokFactsBot.Cli;

/// <summary>
/// The program's verbs (<c>ask</c>, <c>import --check</c>, <c>register-commands</c>) are split from the host's own
/// arguments (<c>--urls</c>, <c>--Storage:DatabasePath</c>) before configuration sees them, so that a question such
/// as "/params grok-1" is never mistaken for a setting.
/// </summary>
public sealed record CliCommand(string? Verb, IReadOnlyList<string> VerbArgs, string[] HostArgs)
{
    public static readonly string[] Verbs = ["ask", "import", "register-commands", "health", "backup", "render"];

    /// <summary>Options a verb takes itself; everything else starting with "--" belongs to the host.</summary>
    private static readonly string[] VerbOptions = ["--check", "--guild", "--ready"];

    /// <summary>
    /// The bot itself and the verbs that answer from the knowledge read the database and the knowledge folder anyway,
    /// so both may be read ahead while the host is built; the others (<c>health</c> beside a running bot, every 30 s
    /// in the image's HEALTHCHECK) must not touch the database, nor pay for reading the folder.
    /// </summary>
    public bool ReadsKnowledge => Verb is null or "ask" or "render";

    public static CliCommand Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase))
            return new CliCommand(null, [], args);
        var verbArgs = new List<string>();
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var isHostOption =
                args[i].StartsWith("--", StringComparison.Ordinal)
                && !VerbOptions.Contains(args[i], StringComparer.OrdinalIgnoreCase);
            if (isHostOption)
            {
                hostArgs.Add(args[i]);
                if (!args[i].Contains('=') && i + 1 < args.Length)
                    hostArgs.Add(args[++i]);
            }
            else
                verbArgs.Add(args[i]);
        }
        return new CliCommand(args[0].ToLowerInvariant(), verbArgs, [.. hostArgs]);
    }
}
