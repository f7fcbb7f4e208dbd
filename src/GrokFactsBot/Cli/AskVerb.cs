using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Knowledge;
using GrokFactsBot.LocalChat;

namespace GrokFactsBot.Cli;

/// <summary><c>ask "&lt;command or question&gt;"</c>: imports the knowledge, answers once on stdout, exits.</summary>
public sealed class AskVerb(KnowledgeStartup knowledge, Replies replies, ChartFiles charts) : ICliVerb
{
    public string Name => "ask";

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var text = string.Join(' ', args).Trim();
        if (text.Length == 0)
        {
            await error.WriteLineAsync(
                "usage: ask \"<command or question>\"   e.g. ask \"params grok-1\" or ask \"what license is mixtral under?\""
            );
            return 2;
        }
        await knowledge.StartAsync(cancellationToken);
        var reply = replies.ToText(text, Caller.Console(Environment.UserName));
        await output.WriteLineAsync(ConsoleRenderer.Render(reply.Answer, reply.Render));
        if (charts.Save(reply.Answer) is { } chart)
            await output.WriteLineAsync(chart);
        return 0;
    }
}

/// <summary><c>import [--check]</c>: imports the knowledge folder, or with --check only validates it.</summary>
public sealed class ImportVerb(KnowledgeStartup knowledge) : ICliVerb
{
    public string Name => "import";

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var unknown = args.Where(a => a != "--check").ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"usage: import [--check]   ('{string.Join(' ', unknown)}' is not understood)");
            return 2;
        }
        var result = knowledge.Run(checkOnly: args.Contains("--check"));
        foreach (var problem in result.Problems)
            await error.WriteLineAsync(problem.ToString());
        await (result.Succeeded ? output : error).WriteLineAsync(result.Summary);
        return result.Succeeded ? 0 : 1;
    }
}
