using System.Text.Json;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Tests.Curation;

/// <summary>
/// Random sequences of curation commands by the admins of two Discord servers and a Slack workspace: whatever one
/// place wrote (a model, its developer, a source's publisher and title, a claim's value or quote) is never in any
/// answer another place gets, while the place that wrote it sees it. Places and the global admin cite the same few
/// new addresses, so a source one place created is there to be reused by the next.
/// </summary>
public sealed class IsolationPropertyTests
{
    private static readonly (string Marker, Platform Platform, string Server)[] Places =
    [
        ("PlaceAlpha", Platform.Discord, "A"),
        ("PlaceBravo", Platform.Discord, "B"),
        ("PlaceTango", Platform.Slack, "T"),
    ];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Nothing_one_place_wrote_is_seen_from_another(int seed)
    {
        using var bed = new CurationBed();
        bed.Import();
        var random = new Random(seed);
        var wrote = new HashSet<string>();
        for (var step = 0; step < 12; step++)
        {
            var (marker, platform, server) = Places[random.Next(Places.Length)];
            var kind = random.Next(5);
            var (command, writer) =
                kind == 4
                    ? (GlobalFact(step), Caller.Console("owner"))
                    : (Command(marker, step, kind), Callers.ServerAdmin(platform, server));
            var answer = bed.Run(command, writer);
            Assert.True(answer.Kind is AnswerKind.Done or AnswerKind.Facts, $"{command}: {answer.Kind} {answer.Headline}");
            if (kind != 4)
                wrote.Add(marker);
        }

        foreach (var (marker, platform, server) in Places)
        {
            var seen = Everything(bed, Callers.Member(platform, server), marker);
            foreach (var other in Places.Select(p => p.Marker).Where(m => m != marker))
                Assert.DoesNotContain(other, seen, StringComparison.Ordinal);
            if (wrote.Contains(marker))
                Assert.Contains(marker, seen, StringComparison.Ordinal);
        }
    }

    /// <summary>One curation command whose every typed word carries the place's marker.</summary>
    private static string Command(string marker, int step, int kind) =>
        kind switch
        {
            0 => $"catalog add {marker}Model{step} {marker}Lab{step}",
            1 => $"fact add grok-1 context_length {8192 + step} {SharedAddress(step)} "
                + $"publisher:{marker}Pub{step} title:{marker}Title{step} kind:primary",
            // The shared base's own address: reusing it must not lend it this place's words.
            2 => $"fact add grok-1 context_length {9000 + step} https://x.ai/news/grok-os publisher:{marker}Pub{step} "
                + $"title:{marker}T{step}",
            _ => $"fact add grok-2 architecture \"{marker}Arch{step}\" https://{marker.ToLowerInvariant()}.example/a{step} "
                + $"\"{marker}Quote{step}\"",
        };

    /// <summary>One of a few addresses no source had before the sequence: whoever cites it first creates its source.</summary>
    private static string SharedAddress(int step) => $"https://review.example/grok-{step % 3}";

    /// <summary>A global admin's fact, with no words of its own, citing an address a place may have cited first.</summary>
    private static string GlobalFact(int step) =>
        $"fact add grok-2 context_length {16000 + step} {SharedAddress(step)}";

    /// <summary>
    /// The read answers a member of a place gets: the listings and cards everyone can ask for, and the place's own
    /// models by name (asking by another place's name would only echo the asker's words).
    /// </summary>
    private static string Everything(CurationBed bed, Caller member, string marker)
    {
        var asks = new List<string>
        {
            "models",
            "model grok-1 full",
            "model grok-2 full",
            "sources grok-1",
            "sources grok-2",
            "license grok-1",
            "context grok-1",
            "context grok-2",
            "disputes",
            "news",
            "models developer:nosuchlab",
        };
        for (var step = 0; step < 12; step++)
            asks.AddRange([$"model {marker}Model{step}", $"models developer:{marker}Lab{step}"]);
        return string.Join("\n", asks.Select(ask => JsonSerializer.Serialize(bed.Run(ask, member))));
    }
}
