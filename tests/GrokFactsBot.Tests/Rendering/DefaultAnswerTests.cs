using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rendering;
using GrokFactsBot.Slack.Rendering;

namespace GrokFactsBot.Tests.Rendering;

/// <summary>
/// The default answers a channel sees, for every model in knowledge/: line one is the answer and the whole answer
/// stays short (under 600 visible characters, about a third of a phone screen) on Discord and on Slack.
/// </summary>
public sealed class DefaultAnswerTests(SeedKnowledge seeds) : IClassFixture<SeedKnowledge>
{
    public const int MaxVisibleChars = 600;

    public static TheoryData<string> Commands => new() { "params", "license", "release", "model", "compare" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_seed_models_default_answer_leads_with_the_answer_and_stays_short(string command)
    {
        Assert.True(seeds.ModelNames.Count >= 20, $"only {seeds.ModelNames.Count} seed models");
        var problems = new List<string>();
        for (var i = 0; i < seeds.ModelNames.Count; i++)
        {
            var model = seeds.ModelNames[i];
            var line =
                command == "compare"
                    ? $"compare \"{model}\" \"{seeds.ModelNames[(i + 1) % seeds.ModelNames.Count]}\""
                    : $"{command} {model}";
            var answer = seeds.Run(line);
            if (answer.Kind != AnswerKind.Facts)
            {
                problems.Add($"{line}: {answer.Kind} {answer.Headline}");
                continue;
            }
            var discord = VisibleText.DiscordLines(
                JsonSerializer.SerializeToNode(EmbedRenderer.Message(answer), DiscordJson.Options)!
            );
            var slack = VisibleText.SlackLines(BlockKitRenderer.Render(answer, inChannel: true).Blocks);
            foreach (var (platform, lines) in new[] { ("Discord", discord), ("Slack", slack) })
            {
                var count = VisibleText.Count(lines);
                if (count >= MaxVisibleChars)
                    problems.Add($"{platform} {line}: {count} visible characters\n  {string.Join("\n  ", lines)}");
                if (!LeadsWithTheAnswer(command, model, answer, lines[0]))
                    problems.Add($"{platform} {line}: line one is \"{lines[0]}\"");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Line one names the model and gives the value asked for (or the comparison's verdict).</summary>
    private static bool LeadsWithTheAnswer(string command, string model, Answer answer, string first)
    {
        if (command == "compare")
            return answer.Headline is { } verdict && first.Contains(verdict.TrimEnd('.'), StringComparison.Ordinal);
        if (!first.Contains(model, StringComparison.OrdinalIgnoreCase))
            return false;
        if (command == "model")
            return true;
        // A release answer's value is its status; the other answers' is the first fact asked for.
        var asked =
            command == "release"
                ? answer.Facts.FirstOrDefault(f => f.Label == "Status")
                : answer.Facts.FirstOrDefault(f => f.Label != "Status");
        return asked is null || first.Contains(Core(asked.Value), StringComparison.Ordinal);
    }

    private static string Core(string value) => value.Split(" (", 2)[0];

    [Fact]
    public void Visible_text_counts_what_a_reader_sees()
    {
        var message = JsonNode.Parse(
            """{"embeds":[{"description":"**Grok-1: 314B** · [xAI, 17 Mar 2024](https://x.ai/news/grok-os) \\*"}]}"""
        )!;
        Assert.Equal(["Grok-1: 314B · xAI, 17 Mar 2024 *"], VisibleText.DiscordLines(message));
        var blocks = JsonNode.Parse(
            """[{"type":"section","text":{"type":"mrkdwn","text":"*Grok-1* &amp; <https://x.ai|xAI>"}}]"""
        )!;
        Assert.Equal(["Grok-1 & xAI"], VisibleText.SlackLines(blocks));
    }
}
