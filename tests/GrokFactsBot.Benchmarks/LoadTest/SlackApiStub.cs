using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Benchmarks.LoadTest;

/// <summary>
/// The bit of Slack's Web API the bot calls while answering: users.info (its admin check, cached per user) and the
/// response_url. Served on loopback by the generator itself for as long as a Slack run lasts.
/// </summary>
public sealed class SlackApiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _userLookups;
    private int _responseUrlPosts;

    private SlackApiStub(WebApplication app) => _app = app;

    public int UserLookups => _userLookups;

    public int ResponseUrlPosts => _responseUrlPosts;

    public static async Task<SlackApiStub> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SlackApiStub(app);
        app.MapGet(
            "/api/users.info",
            (string? user) =>
            {
                Interlocked.Increment(ref stub._userLookups);
                return Results.Json(
                    new
                    {
                        ok = true,
                        user = new
                        {
                            id = user,
                            is_admin = false,
                            is_owner = false,
                            is_primary_owner = false,
                        },
                    }
                );
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
