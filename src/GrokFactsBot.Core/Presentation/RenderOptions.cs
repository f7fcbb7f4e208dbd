namespace GrokFactsBot.Core.Presentation;

/// <summary>
/// The default view is what a question gets in the channel (the digest, or a list's first page); the full view is
/// what a button opens for one person: every fact, each dispute's sides, the source list.
/// </summary>
public enum AnswerView
{
    Default,
    Full,
}

/// <summary>How to render one answer for one reader. Claim ids are for admins (and the `sources` listing).</summary>
public sealed record RenderOptions(AnswerView View = AnswerView.Default, int Page = 0, bool ShowClaimIds = false)
{
    public static readonly RenderOptions Default = new();
}
