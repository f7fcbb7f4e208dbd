using System.Globalization;

namespace GrokFactsBot.Discord.Gateway;

/// <summary>
/// Which shards this process runs, of how many the bot has: <c>Discord:Shards</c> as "first-last/total" ("0-3/8")
/// or "id/total" ("5/8"). Several processes split one bot by taking ranges of the same total.
/// </summary>
public sealed record ShardRange(int First, int Last, int Total)
{
    /// <summary>Discord caps no shard count, but a typo such as "0-3/80000" should not open thousands of sockets.</summary>
    public const int MaxTotal = 4096;

    public const string Example = "0-3/8";

    public IEnumerable<int> Ids => Enumerable.Range(First, Last - First + 1);

    public static ShardRange All(int total) => new(0, total - 1, total);

    /// <summary>The range, or null with <paramref name="problem"/> saying what is wrong in words a person can act on.</summary>
    public static ShardRange? Parse(string text, out string? problem)
    {
        problem = null;
        var slash = text.Split('/', StringSplitOptions.TrimEntries);
        var span = slash[0].Split('-', StringSplitOptions.TrimEntries);
        if (
            slash.Length != 2
            || span.Length is < 1 or > 2
            || !Number(span[0], out var first)
            || !Number(span[^1], out var last)
            || !Number(slash[1], out var total)
        )
        {
            problem =
                $"Discord:Shards '{text}' is not a shard range: write first-last/total (e.g. {Example}) or id/total, or leave it unset to run every shard Discord recommends.";
            return null;
        }
        if (total is < 1 or > MaxTotal)
            problem = $"Discord:Shards '{text}': the total must be 1–{MaxTotal}.";
        else if (first > last)
            problem = $"Discord:Shards '{text}': the first shard must not be after the last.";
        else if (last >= total)
            problem =
                $"Discord:Shards '{text}': shard ids run from 0 to total − 1, so the last may be at most {total - 1}.";
        return problem is null ? new ShardRange(first, last, total) : null;
    }

    public override string ToString() =>
        First == Last ? $"{First}/{Total}" : $"{First}-{Last}/{Total}";

    private static bool Number(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
