using System.Text;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>
/// The default answer: no title, so line one of the embed is the answer in bold with its context; supporting
/// lines under it; a comparison as two inline fields; the compact citations after all of them.
/// </summary>
internal static class DigestEmbed
{
    public static Embed Build(Answer answer)
    {
        var digest = AnswerDigest.Of(answer);
        var text = new StringBuilder();
        text.Append("**").Append(DiscordText.Escape(digest.Lead.Answer)).Append("**");
        foreach (var context in digest.Lead.Context)
            text.Append(" · ").Append(DiscordText.Escape(context));
        foreach (var line in digest.Lines)
        {
            text.Append('\n').Append(DiscordText.Escape(line.Label)).Append(": ").Append(DiscordText.Escape(line.Value));
            if (line.Tag is not null)
                text.Append(" · ").Append(DiscordText.Escape(line.Tag));
        }
        var fields = new List<EmbedField>();
        if (digest.Table is { } table)
        {
            fields.Add(Column(table.Left, table.Rows.Select(r => (r.Label, r.Left))));
            fields.Add(Column(table.Right, table.Rows.Select(r => (r.Label, r.Right))));
        }
        var sources = Citations.Compact(digest.Sources, digest.MoreSources);
        if (sources.Length > 0 && fields.Count > 0)
            fields.Add(new EmbedField("Sources", DiscordText.Truncate(sources, EmbedRenderer.FieldValueLimit)));
        else if (sources.Length > 0)
            text.Append('\n').Append(sources);
        return new Embed(
            null,
            DiscordText.Truncate(text.ToString(), EmbedRenderer.DescriptionLimit),
            EmbedRenderer.ColorOf(answer),
            fields,
            Image: answer.Image is { } image ? new EmbedImage("attachment://" + image.FileName) : null
        );
    }

    private static EmbedField Column(string model, IEnumerable<(string Label, string Value)> rows) =>
        new(
            DiscordText.Truncate(DiscordText.Escape(model), EmbedRenderer.FieldNameLimit),
            DiscordText.Truncate(
                string.Join("\n", rows.Select(r => $"{DiscordText.Escape(r.Label)}: {DiscordText.Escape(r.Value)}")),
                EmbedRenderer.FieldValueLimit
            ),
            Inline: true
        );
}
