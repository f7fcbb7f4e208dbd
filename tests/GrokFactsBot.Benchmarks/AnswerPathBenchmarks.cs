using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Discord.Interactions;
using GrokFactsBot.Discord.Rendering;
using GrokFactsBot.LocalChat;
using GrokFactsBot.Slack.Rendering;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// The answer path as a front end drives it: text in, resolve the name, look the facts up, build the cited answer,
/// render it: to console text, to a Discord embed and to Slack Block Kit, each down to the JSON bytes sent.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileColumns))]
public class AnswerPathBenchmarks
{
    private KnowledgeBase _base = null!;
    private Answer _answer = null!;
    private string _model = "";
    private string _other = "";
    private readonly Caller _caller = Caller.Console("bench");

    /// <summary>"real": the curated knowledge/ folder; "generated": 10,000 models and 100,000 claims.</summary>
    [Params("real", "generated")]
    public string Base { get; set; } = "real";

    [GlobalSetup]
    public void Setup()
    {
        _base = KnowledgeBase.Open(Base);
        (_model, _other) =
            Base == "real"
                ? ("grok-1", "llama 3.1 405b")
                : (GeneratedKnowledge.ModelId(7_777), GeneratedKnowledge.ModelId(4_242));
        _answer = _base.Runner.Run($"params {_model}", _caller);
        _ = _base.Store.Snapshot;
    }

    [Benchmark(Description = "resolve a name")]
    public Resolution Resolve() => _base.Resolver.Resolve(_model, new Audience(null));

    [Benchmark(Description = "look up a model's claims")]
    public int LookUp() => _base.Store.ClaimsFor(_model).Count;

    [Benchmark(Description = "params <model>: resolve + look up + build")]
    public Answer Params() => _base.Runner.Run($"params {_model}", _caller);

    [Benchmark(Description = "model <model>: overview card")]
    public Answer Card() => _base.Runner.Run($"model {_model}", _caller);

    [Benchmark(Description = "compare <a> <b>")]
    public Answer Compare() => _base.Runner.Run($"compare {_model} {_other}", _caller);

    [Benchmark(Description = "ask: plain question")]
    public Answer Question() => _base.Runner.Run($"how many parameters does {_model} have?", _caller);

    [Benchmark(Description = "typo: not found + suggestions")]
    public Answer Typo() => _base.Runner.Run("params grk-1x", _caller);

    [Benchmark(Description = "render to console text")]
    public string Render() => ConsoleRenderer.Render(_answer);

    [Benchmark(Description = "render to Discord embed JSON")]
    public byte[] RenderDiscord() => DiscordBytes(_answer);

    [Benchmark(Description = "render to Slack Block Kit JSON")]
    public byte[] RenderSlack() => SlackBytes(_answer);

    [Benchmark(Description = "params + render (end to end)")]
    public string EndToEnd() => ConsoleRenderer.Render(_base.Runner.Run($"params {_model}", _caller));

    [Benchmark(Description = "params + Discord embed JSON (end to end)")]
    public byte[] EndToEndDiscord() => DiscordBytes(_base.Runner.Run($"params {_model}", _caller));

    [Benchmark(Description = "params + Slack Block Kit JSON (end to end)")]
    public byte[] EndToEndSlack() => SlackBytes(_base.Runner.Run($"params {_model}", _caller));

    [Benchmark(Description = "model card + Discord embed JSON (end to end)")]
    public byte[] CardDiscord() => DiscordBytes(_base.Runner.Run($"model {_model}", _caller));

    [Benchmark(Description = "model card + Slack Block Kit JSON (end to end)")]
    public byte[] CardSlack() => SlackBytes(_base.Runner.Run($"model {_model}", _caller));

    [Benchmark(Description = "misspelt name inside a question, corrected")]
    public Answer Misspelt() =>
        _base.Runner.Run(Base == "real" ? "how many params does grokk 1 have" : "params gen modle 7777", _caller);

    [Benchmark(Description = "unknown version: not found + nearest versions")]
    public Answer UnknownVersion() =>
        _base.Runner.Run(Base == "real" ? "params grok 4 mini" : "params gen model 99999", _caller);

    /// <summary>The interaction response body the HTTP endpoint writes (type 4, one embed).</summary>
    internal static byte[] DiscordBytes(Answer answer) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new InteractionResponse(CallbackType.ChannelMessage, EmbedRenderer.Message(answer)),
            DiscordJson.Options
        );

    /// <summary>The slash-command response body the HTTP endpoint writes.</summary>
    internal static byte[] SlackBytes(Answer answer) =>
        JsonSerializer.SerializeToUtf8Bytes(BlockKitRenderer.Render(answer, inChannel: true).ToResponse());

    [GlobalCleanup]
    public void Cleanup() => _base.Dispose();
}

/// <summary>
/// Median and the tail (P95, max) next to the mean: a deadline is missed by the tail, not the average.
/// </summary>
public sealed class PercentileColumns : ManualConfig
{
    public PercentileColumns() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
}
