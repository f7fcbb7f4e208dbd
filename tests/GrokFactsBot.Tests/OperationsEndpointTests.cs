using System.Net;
using System.Text.Json;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Tests;

public sealed class OperationsEndpointTests : IDisposable
{
    private readonly BotFactory _bot = new();

    [Fact]
    public async Task Healthz_says_the_process_is_alive()
    {
        var response = await _bot.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", Json(await response.Content.ReadAsStringAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_is_ready_when_the_database_is_open_the_knowledge_imported_and_every_front_end_connected()
    {
        var response = await _bot.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = Checks(await response.Content.ReadAsStringAsync());
        Assert.Equal(["database", "knowledge", "loopback"], checks.Keys.Order());
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
    }

    [Fact]
    public async Task Readyz_answers_503_naming_a_front_end_that_is_not_connected()
    {
        var client = _bot.CreateClient();
        _bot.FrontEnd.IsConnected = false;

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", Checks(body)["loopback"]);
        Assert.Contains("not connected to the platform", body);
    }

    [Fact]
    public async Task Metrics_exports_commands_answered_and_answer_latency_in_prometheus_text()
    {
        var client = _bot.CreateClient();
        var runner = _bot.Services.GetRequiredService<TextCommandRunner>();
        runner.Run("params grok-1", Caller.Console("tester"));
        runner.Run("frobnicate grok-1", Caller.Console("tester"));

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Matches(
            @"grokfacts_commands_answered_total\{[^}]*command=""params""[^}]*outcome=""facts""[^}]*platform=""console""[^}]*\} 1",
            metrics
        );
        Assert.Matches(@"grokfacts_answer_duration_seconds_count\{[^}]*command=""params""[^}]*\} 1", metrics);
        Assert.Contains("le=\"0.00025\"", metrics);
        Assert.DoesNotContain("_milliseconds", metrics);
        Assert.Matches(@"target_info\{[^}]*service_name=""grokfactsbot""", metrics);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes_total", metrics);
    }

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    private static Dictionary<string, string> Checks(string body) =>
        Json(body)
            .GetProperty("checks")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    public void Dispose() => _bot.Dispose();
}
