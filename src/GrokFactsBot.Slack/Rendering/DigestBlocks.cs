using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;

namespace GrokFactsBot.Slack.Rendering;

/// <summary>
/// The default answer: no header, so line one is the answer in bold with its context; supporting lines; a
/// comparison as two section fields; then a context line with the compact citations.
/// </summary>
internal static class DigestBlocks
{
    public static SlackMessage Build(Answer answer)
    {
        var digest = AnswerDigest.Of(answer);
        var blocks = new BlockBudget();
        var text = new StringBuilder();
        text.Append('*').Append(SlackText.Escape(digest.Lead.Answer)).Append('*');
        foreach (var context in digest.Lead.Context)
            text.Append(" · ").Append(SlackText.Escape(context));
        foreach (var line in digest.Lines)
        {
            text.Append('\n').Append(SlackText.Escape(line.Label)).Append(": ").Append(SlackText.Escape(line.Value));
            if (line.Tag is not null)
                text.Append(" · ").Append(SlackText.Escape(line.Tag));
        }
        blocks.Add(BlockKitRenderer.Section(text.ToString()));
        if (digest.Table is { } table)
            blocks.Add(
                BlockKitRenderer.Fields(
                    [
                        Column(table.Left, table.Rows.Select(r => (r.Label, r.Left))),
                        Column(table.Right, table.Rows.Select(r => (r.Label, r.Right))),
                    ]
                )
            );
        var sources = digest.Sources.Select(s => SlackText.Link(s.Url, s.Label)).ToList();
        if (digest.MoreSources > 0)
            sources.Add($"+{digest.MoreSources} more");
        if (sources.Count > 0)
            blocks.Add(BlockKitRenderer.Context([string.Join(" · ", sources)]));
        var fallback = string.Join(" · ", digest.Lead.Context.Prepend(digest.Lead.Answer));
        return new SlackMessage(SlackText.Truncate(SlackText.Escape(fallback), 300), blocks.Blocks, false);
    }

    private static string Column(string model, IEnumerable<(string Label, string Value)> rows) =>
        $"*{SlackText.Escape(model)}*\n"
        + string.Join("\n", rows.Select(r => $"{SlackText.Escape(r.Label)}: {SlackText.Escape(r.Value)}"));
}
