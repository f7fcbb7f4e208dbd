using System.Text.RegularExpressions;
using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Presentation;

public static partial class DisputeText
{
    [GeneratedRegex(@"Claim \S+ is disputed by an admin:")]
    private static partial Regex AdminDisputedClaim();

    /// <summary>
    /// A dispute in words. Claim ids are what admins type to act on a claim; members see who says what and which
    /// side leads, without them.
    /// </summary>
    public static string For(DisputeNote dispute, RenderOptions options) =>
        options.ShowClaimIds ? dispute.Summary : AdminDisputedClaim().Replace(dispute.Summary, "An admin disputes a claim:");
}
