using System.Diagnostics.Tracing;
using System.Globalization;
using GrokFactsBot.Benchmarks.LoadTest;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// <c>-- allocations [real|generated] [calls] [--types "command"]</c>: the managed bytes each command of the steady
/// mixed load allocates, answered and rendered to the Discord and the Slack response body: what the GC has to clear
/// per request. <c>--types</c> adds, for one command, the types allocated most (the runtime's allocation samples).
/// </summary>
public static class AnswerAllocations
{
    public static int Run(IReadOnlyList<string> options)
    {
        var at = options.ToList().IndexOf("--types");
        var typesOf = at >= 0 && at + 1 < options.Count ? options[at + 1] : null;
        var rest = at >= 0 ? options.Take(at).ToList() : options;
        using var kb = KnowledgeBase.Open(rest.Count > 0 ? rest[0] : "real");
        var calls = rest.Count > 1 && int.TryParse(rest[1], out var n) ? n : 2_000;
        var caller = Caller.Console("bench");
        Console.WriteLine($"== KiB allocated per call, mean of {calls:N0} (answer / + Discord body / + Slack body)");
        foreach (var text in SignedRequests.Mixed.Select(m => m.Text).Distinct())
        {
            var answer = PerCall(calls, () => kb.Runner.Run(text, caller));
            var discord = PerCall(calls, () => AnswerPathBenchmarks.DiscordBytes(kb.Runner.Run(text, caller)));
            var slack = PerCall(calls, () => AnswerPathBenchmarks.SlackBytes(kb.Runner.Run(text, caller)));
            Console.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"  {text,-44} {answer,8:F1} {discord,8:F1} {slack,8:F1}")
            );
        }
        if (typesOf is not null)
            Types(Math.Max(calls, 20_000), () => AnswerPathBenchmarks.SlackBytes(kb.Runner.Run(typesOf, caller)));
        return 0;
    }

    private static double PerCall(int calls, Func<object> call)
    {
        for (var i = 0; i < Math.Min(calls, 200); i++)
            call();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
            call();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / calls;
    }

    /// <summary>The runtime samples one allocation per ~100 KB, so many calls give a fair share per type.</summary>
    private static void Types(int calls, Func<object> call)
    {
        using var ticks = new AllocationTicks();
        for (var i = 0; i < calls; i++)
            call();
        Console.WriteLine($"== sampled KiB per call by type (Slack body), {calls:N0} calls");
        foreach (var (type, bytes) in ticks.Totals().OrderByDescending(t => t.Value).Take(30))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / calls,8:F2}  {type}"));
    }

    private sealed class AllocationTicks : EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];

        public Dictionary<string, long> Totals()
        {
            lock (_bytes)
                return new Dictionary<string, long>(_bytes);
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true)
                return;
            var names = eventData.PayloadNames!;
            var type = eventData.Payload![names.IndexOf("TypeName")]?.ToString() ?? "?";
            var amount = Convert.ToInt64(
                eventData.Payload[names.IndexOf("AllocationAmount64")],
                CultureInfo.InvariantCulture
            );
            lock (_bytes)
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
