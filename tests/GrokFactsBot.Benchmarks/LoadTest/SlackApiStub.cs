using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Benchmarks.LoadTest;

/// <summary>
/// Slack's side of a Slack run, served on loopback by the generator: a Web API that never answers (every call, such
/// as users.info, is counted and held open until the run ends — the bot's answers must not depend on it) and a
/// response_url that counts the answers that missed the inline budget.
/// </summary>
public sealed class SlackApiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _ending = new();
    private int _webApiCalls;
    private int _responseUrlPosts;

    private SlackApiStub(WebApplication app) => _app = app;

    public int WebApiCalls => _webApiCalls;

    public int ResponseUrlPosts => _responseUrlPosts;

    public static async Task<SlackApiStub> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SlackApiStub(app);
        app.Map(
            "/api/{**method}",
            async (HttpContext context) =>
            {
                Interlocked.Increment(ref stub._webApiCalls);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(
                    stub._ending.Token,
                    context.RequestAborted
                );
                await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Abort();
            }
        );
        app.MapPost(
            "/response",
            () =>
            {
                Interlocked.Increment(ref stub._responseUrlPosts);
                return Results.Text("ok");
            }
        );
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _ending.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ending.Dispose();
    }
}
