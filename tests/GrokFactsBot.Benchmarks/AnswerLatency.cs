using System.Diagnostics;
using System.Globalization;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Values;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// Per-call latency of the answer path, as a distribution (median, p99, max) rather than BenchmarkDotNet's
/// per-iteration means: each question is timed on its own, many times, on the real and the generated base. Also
/// how long a fact added to the store takes to be seen by the next question, and a full snapshot rebuild.
/// <c>dotnet GrokFactsBot.Benchmarks.dll latency [real|generated] [calls]</c>
/// </summary>
public static class AnswerLatency
{
    public static int Run(string[] args)
    {
        var bases = args.Length > 0 && args[0] is "real" or "generated" ? [args[0]] : new[] { "real", "generated" };
        var calls = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 20_000;
        foreach (var name in bases)
        {
            using var kb = KnowledgeBase.Open(name);
            var caller = Caller.Console("bench");
            var (model, misspelt, unknown) =
                name == "real"
                    ? ("grok-1", "params grokk 1", "params grok 4 mini")
                    : (GeneratedKnowledge.ModelId(7_777), "params gen modle 7777", "params gen model 99999");
            Console.WriteLine($"== {name} base, {calls:N0} calls each (µs: median / p99 / max)");
            foreach (
                var question in new[]
                {
                    $"params {model}",
                    $"how many parameters does {model} have?",
                    $"model {model}",
                    misspelt,
                    unknown,
                    "params grk-1x",
                }
            )
                Report(question, Time(calls, () => kb.Runner.Run(question, caller)));
            Report("fact add → seen by the next question", WriteVisible(kb, model, 200));
            Report("full snapshot rebuild (start-up)", Time(5, () => Rebuild(kb)));
        }
        return 0;
    }

    private static double[] Time(int calls, Action call)
    {
        for (var i = 0; i < Math.Min(calls, 2_000); i++)
            call();
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        return samples;
    }

    /// <summary>Adds (and re-values) one claim, then asks: the time from the write until an answer shows it.</summary>
    private static double[] WriteVisible(KnowledgeBase kb, string modelId, int writes)
    {
        var source = kb.Store.Snapshot.ClaimsWithSources(modelId)[0].Source.Id;
        var samples = new double[writes];
        for (var i = 0; i < writes; i++)
        {
            var value = $"{100_000 + i}";
            var claim = new Claim(
                "benchw",
                modelId,
                ModelAttribute.ContextLength,
                ValueParser.ParseStored(ModelAttribute.ContextLength, value),
                Qualifier.Exact,
                source,
                null,
                Rank.Normal,
                null,
                null,
                "bench",
                DateTimeOffset.UnixEpoch,
                Origin.Chat
            );
            var started = Stopwatch.GetTimestamp();
            kb.Store.Upsert(claim);
            var seen = kb.Queries.Facts(modelId, Core.Resolution.Audience.Everyone, Core.Answers.Topics.Context);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            var shown = int.Parse(value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
            if (
                !seen.Facts.Any(f =>
                    f.Value.Contains(shown, StringComparison.Ordinal)
                    || f.Dispute?.Sides.Any(s => s.Value.Contains(shown, StringComparison.Ordinal)) == true
                )
            )
                throw new InvalidOperationException("the added fact was not seen by the next question");
        }
        kb.Store.DeleteClaim("benchw");
        return samples;
    }

    private static void Rebuild(KnowledgeBase kb)
    {
        kb.Store.MarkChanged();
        _ = kb.Store.Snapshot;
    }

    private static void Report(string what, double[] samples)
    {
        Array.Sort(samples);
        double At(double q) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(q * samples.Length) - 1)];
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  {what,-48} {At(0.5),10:F1} {At(0.99),10:F1} {samples[^1],10:F1}"
            )
        );
    }
}
