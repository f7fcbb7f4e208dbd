using BenchmarkDotNet.Attributes;
using GrokFactsBot.Benchmarks.LoadTest;
using GrokFactsBot.Discord;
using GrokFactsBot.Slack.Http;

namespace GrokFactsBot.Benchmarks;

/// <summary>
/// The per-request cost every signed HTTP request pays before any of our code runs: Discord's Ed25519 verify and
/// Slack's HMAC-SHA256, on a real /params interaction body.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileColumns))]
public class SignatureBenchmarks
{
    private readonly Ed25519Verifier _verifier = new(LoadCredentials.DiscordPublicKeyHex);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private SignedRequest _discord = null!;
    private SignedRequest _discordForged = null!;
    private SignedRequest _slack = null!;

    [GlobalSetup]
    public void Setup()
    {
        _discord = SignedRequests.Pool("discord", 1)[0];
        _discordForged = SignedRequests.Pool("discord-badsig", 1)[0];
        _slack = SignedRequests.Pool("slack", 1)[0];
    }

    [Benchmark(Description = "Discord Ed25519 verify (valid)")]
    public bool DiscordValid() =>
        _verifier.IsValid(
            Header(_discord, "X-Signature-Ed25519"),
            Header(_discord, "X-Signature-Timestamp"),
            _discord.Body
        );

    [Benchmark(Description = "Discord Ed25519 verify (forged → 401)")]
    public bool DiscordForged() =>
        _verifier.IsValid(
            Header(_discordForged, "X-Signature-Ed25519"),
            Header(_discordForged, "X-Signature-Timestamp"),
            _discordForged.Body
        );

    [Benchmark(Description = "Slack HMAC-SHA256 verify (valid)")]
    public SignatureCheck SlackValid() =>
        SlackSignature.Verify(
            LoadCredentials.SlackSigningSecret,
            Header(_slack, "X-Slack-Request-Timestamp"),
            Header(_slack, "X-Slack-Signature"),
            _slack.Body,
            _now
        );

    private static string Header(SignedRequest request, string name) => request.Headers.First(h => h.Key == name).Value;
}
