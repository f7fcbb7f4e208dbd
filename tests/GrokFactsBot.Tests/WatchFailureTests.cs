using System.Net;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Watch;
using GrokFactsBot.Core.Watch.HuggingFace;
using GrokFactsBot.Testing.HuggingFace;
using GrokFactsBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Tests;

/// <summary>A Hub that refuses every request: the bot is ready, answers as usual and counts the failed polls.</summary>
public sealed class WatchFailureTests : IAsyncLifetime
{
    private FakeHuggingFace _hub = null!;
    private BotFactory _bot = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _watching = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHuggingFace.StartAsync();
        // 400 is not retried, so the poll fails at once (a 5xx would be retried after 2 s and 4 s of real time).
        _hub.Fault = _ => new HubFault(400, """{"error":"Bad request"}""");
        _bot = new BotFactory();
        _watching = _bot.WithWebHostBuilder(b =>
            b.UseSetting("Watch:HuggingFace:Enabled", "true")
                .UseSetting("Watch:HuggingFace:BaseUrl", _hub.BaseUrl)
                .UseSetting("Watch:HuggingFace:Organizations:0", "xai-org")
                .UseSetting("Watch:HuggingFace:RequestTimeout", "00:00:05")
        );
    }

    public async Task DisposeAsync()
    {
        await _watching.DisposeAsync();
        await _bot.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_Hub_leaves_readyz_ready_and_answering_untouched_and_is_counted_as_a_failed_poll()
    {
        var client = _watching.CreateClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var answer = _watching.Services.GetRequiredService<TextCommandRunner>().Run("params grok-1", Caller.Console("t"));
        Assert.Equal(Core.Answers.AnswerKind.Facts, answer.Kind);

        var service = _watching.Services.GetRequiredKeyedService<WatchService>(HuggingFaceWatcher.ServiceKey);
        var report = await service.PollAsync(CancellationToken.None);
        Assert.Equal("failed", report!.Outcome);
        Assert.Contains("xai-org: HTTP 400", report.Problems);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches(@"grokfacts_watch_polls_total\{[^}]*outcome=""failed""[^}]*watcher=""huggingface""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"grokfacts_watch_errors_total\{[^}]*watcher=""huggingface""[^}]*\} [1-9]", metrics);
    }
}
