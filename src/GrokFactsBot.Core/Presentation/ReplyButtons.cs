using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Presentation;

/// <summary>A button under a reply: its label and the signed id that says what it opens.</summary>
public sealed record ButtonSpec(string Label, string Token, bool Disabled = false);

/// <summary>
/// The buttons a reply gets, the same on every platform: a digest's actions (sources, the dispute's evidence, the
/// full card), or Previous / Next on a list longer than a page. A button whose id would be too long is left out.
/// </summary>
public static class ReplyButtons
{
    public const int MaxButtons = 5;
    public const int MaxLabel = 75;

    public static IReadOnlyList<ButtonSpec> For(Reply reply, ActionTokens tokens)
    {
        var answer = reply.Answer;
        if (answer.Kind == AnswerKind.Facts && reply.Render.View == AnswerView.Default)
            return AnswerDigest
                .Of(answer)
                .Actions.Select(a =>
                    tokens.Issue(a.Command) is { } token ? new ButtonSpec(TextCut.Truncate(a.Label, MaxLabel), token) : null
                )
                .OfType<ButtonSpec>()
                .Take(MaxButtons)
                .ToList();
        if (answer.Kind != AnswerKind.List || reply.Rerun is not { } command)
            return [];
        var page = Paging.Of(answer, reply.Render.Page);
        if (page.Count <= 1)
            return [];
        var previous = tokens.Issue(command, Math.Max(0, page.Index - 1), turnsPage: true);
        var next = tokens.Issue(command, Math.Min(page.Count - 1, page.Index + 1), turnsPage: true);
        return previous is null || next is null
            ? []
            : [new("Previous", previous, Disabled: !page.HasPrevious), new("Next", next, Disabled: !page.HasNext)];
    }
}
