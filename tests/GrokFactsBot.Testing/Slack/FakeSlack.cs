using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GrokFactsBot.Testing.Slack;

/// <summary>A call the fake Web API received, as Slack would see it.</summary>
public sealed record ApiCall(
    string Method,
    string HttpMethod,
    string? Authorization,
    string? ContentType,
    string Body,
    string Query
);

/// <summary>A file's bytes as they reached the upload URL files.getUploadURLExternal handed out.</summary>
public sealed record UploadedFile(string FileId, string FileName, byte[] Bytes)
{
    public bool IsPng => Png.Is(Bytes);
}

/// <summary>A scripted Web API answer: a status, an optional Retry-After and a JSON body.</summary>
public sealed record ScriptedReply(int Status, JsonObject Body, int? RetryAfterSeconds = null);

/// <summary>
/// Slack on loopback for tests: the Web API under /api/{method} (records calls; can answer 429 or ok:false from a
/// script), response_url under /response/{id}, file upload URLs under /upload/{file id}, and a Socket Mode WebSocket
/// server under /link.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedReply>> _scripts = new();
    private int _tickets;

    public ConcurrentQueue<ApiCall> Calls { get; } = new();
    public Channel<ApiCall> CallFeed { get; } = Channel.CreateUnbounded<ApiCall>();
    public Channel<(string Id, JsonObject Body)> Responses { get; } = Channel.CreateUnbounded<(string, JsonObject)>();
    public Channel<UploadedFile> Uploads { get; } = Channel.CreateUnbounded<UploadedFile>();
    public Channel<FakeSocket> Sockets { get; } = Channel.CreateUnbounded<FakeSocket>();
    public ConcurrentDictionary<string, bool> WorkspaceAdmins { get; } = new();

    /// <summary>When set, users.info waits for it: a slow Slack, without sleeping.</summary>
    public TaskCompletionSource? UsersInfoGate { get; set; }

    public bool SendHelloOnConnect { get; set; } = true;

    private FakeSlack() { }

    public Uri BaseUri => _server.BaseAddress;
    public string ApiBaseUrl => new Uri(BaseUri, "api/").ToString();

    public string ResponseUrl(string id) => new Uri(BaseUri, $"response/{id}").ToString();

    public static async Task<FakeSlack> StartAsync()
    {
        var fake = new FakeSlack();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/api/{method}", fake.ApiAsync);
            app.MapPost("/response/{id}", fake.ResponseAsync);
            app.MapPost("/upload/{id}", fake.UploadAsync);
            app.Map("/link", fake.LinkAsync);
        });
        return fake;
    }

    public void Script(string method, params ScriptedReply[] replies) =>
        Array.ForEach(replies, _scripts.GetOrAdd(method, _ => new()).Enqueue);

    public async Task<ApiCall> NextCallAsync(string method)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var call = await CallFeed.Reader.ReadAsync(guard.Token);
            if (call.Method == method)
                return call;
        }
    }

    private async Task ApiAsync(HttpContext context, string method)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var call = new ApiCall(
            method,
            context.Request.Method,
            context.Request.Headers.Authorization,
            context.Request.ContentType,
            body,
            context.Request.QueryString.Value ?? ""
        );
        Calls.Enqueue(call);
        CallFeed.Writer.TryWrite(call);
        if (method == "users.info" && UsersInfoGate is { } gate)
            await gate.Task;

        var reply =
            _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted)
                ? scripted
                : DefaultReply(method, context, body);
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfterSeconds is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(reply.Body);
    }

    private ScriptedReply DefaultReply(string method, HttpContext context, string body) =>
        method switch
        {
            "apps.connections.open" => new(
                200,
                new JsonObject
                {
                    ["ok"] = true,
                    ["url"] = $"ws://{BaseUri.Authority}/link?ticket={Interlocked.Increment(ref _tickets)}",
                }
            ),
            "users.info" => new(
                200,
                new JsonObject
                {
                    ["ok"] = true,
                    ["user"] = new JsonObject
                    {
                        ["id"] = context.Request.Query["user"].ToString(),
                        ["is_admin"] = WorkspaceAdmins.ContainsKey(context.Request.Query["user"].ToString()),
                    },
                }
            ),
            "chat.postMessage" => new(200, new JsonObject { ["ok"] = true, ["ts"] = "1700000000.000100" }),
            "files.getUploadURLExternal" => UploadTicket(context.Request.ContentType, body),
            "files.completeUploadExternal" => new(200, new JsonObject { ["ok"] = true, ["files"] = new JsonArray() }),
            _ => new(200, new JsonObject { ["ok"] = false, ["error"] = "unknown_method" }),
        };

    /// <summary>files.getUploadURLExternal takes a form: a file name and a positive length.</summary>
    private ScriptedReply UploadTicket(string? contentType, string body)
    {
        var form = contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true
            ? QueryHelpers.ParseQuery(body)
            : null;
        if (form is null || !int.TryParse(form.GetValueOrDefault("length"), out var length) || length <= 0
            || string.IsNullOrEmpty(form.GetValueOrDefault("filename")))
            return new(200, new JsonObject { ["ok"] = false, ["error"] = "invalid_arguments" });
        var id = $"F{Interlocked.Increment(ref _tickets):D8}";
        return new(
            200,
            new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseUri, $"upload/{id}").ToString(), ["file_id"] = id }
        );
    }

    private async Task UploadAsync(HttpContext context, string id)
    {
        var form = await context.Request.ReadFormAsync();
        if (form.Files.GetFile("filename") is not { } file)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        Uploads.Writer.TryWrite(new UploadedFile(id, file.FileName, bytes.ToArray()));
        await context.Response.WriteAsync($"OK - {bytes.Length}");
    }

    private async Task ResponseAsync(HttpContext context, string id)
    {
        var body = await context.Request.ReadFromJsonAsync<JsonObject>();
        Responses.Writer.TryWrite((id, body!));
        await context.Response.WriteAsync("ok");
    }

    private async Task LinkAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var fake = new FakeSocket(socket);
        if (SendHelloOnConnect)
            await fake.SendAsync(
                new JsonObject
                {
                    ["type"] = "hello",
                    ["num_connections"] = 1,
                    ["debug_info"] = new JsonObject { ["approximate_connection_time"] = 3600 },
                }
            );
        Sockets.Writer.TryWrite(fake);
        await fake.ReceiveLoopAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
