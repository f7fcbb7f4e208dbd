using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Rendering;

/// <summary>
/// An answer as one Discord embed within every limit. By default a question gets its digest: line one is the answer,
/// a few supporting lines, the compact citations last. A button's full view has every fact as a field, each
/// dispute's sides, and the sources after the facts; lists come a page at a time.
/// </summary>
public static class EmbedRenderer
{
    public const int TitleLimit = 256,
        DescriptionLimit = 4096,
        FieldLimit = 25,
        FieldNameLimit = 256,
        FieldValueLimit = 1024,
        TotalLimit = 6000;
    internal const int Blue = 0x3B82F6,
        Amber = 0xF59E0B,
        Grey = 0x6B7280;

    /// <summary>The message for an answer; who sees it (<see cref="MessagePayload.Flags"/>) is the caller's call.</summary>
    public static MessagePayload Message(Answer answer, RenderOptions? options = null) =>
        new([Render(answer, options)]);

    // Answers to repeated questions are one cached object; rendering them again would give the same embed.
    private static readonly ConditionalWeakTable<Answer, ConcurrentDictionary<RenderOptions, Embed>> Rendered = new();

    public static Embed Render(Answer answer, RenderOptions? options = null) =>
        Rendered
            .GetValue(answer, _ => new ConcurrentDictionary<RenderOptions, Embed>())
            .GetOrAdd(options ?? RenderOptions.Default, o => Build(answer, o));

    private static Embed Build(Answer answer, RenderOptions options) =>
        answer.Kind switch
        {
            AnswerKind.Facts when options.View == AnswerView.Default => DigestEmbed.Build(answer),
            AnswerKind.Facts => FullEmbed.Facts(answer, options),
            AnswerKind.List or AnswerKind.Help => FullEmbed.List(answer, options),
            _ => MessageEmbed(answer),
        };

    private static Embed MessageEmbed(Answer answer)
    {
        var lines = new List<string>();
        if (answer.Headline is not null)
            lines.Add(DiscordText.Escape(answer.Headline));
        lines.AddRange(answer.Notes.Select(DiscordText.Escape));
        var description = DiscordText.Truncate(string.Join("\n", lines), DescriptionLimit);
        var color = answer.Kind is AnswerKind.Done ? Blue : Grey;
        return new Embed(
            DiscordText.Truncate(DiscordText.Escape(answer.Title), TitleLimit),
            description.Length == 0 ? null : description,
            color,
            []
        );
    }

    internal static int ColorOf(Answer answer) => answer.HasDispute ? Amber : Blue;

    public static string Describe(Confidence confidence) => confidence.ToString().ToLowerInvariant();
}
