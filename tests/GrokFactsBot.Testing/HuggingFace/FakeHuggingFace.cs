using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GrokFactsBot.Testing.HuggingFace;

/// <summary>A model repo on the fake Hub.</summary>
public sealed record FakeRepo(
    string Id,
    DateTimeOffset CreatedAt,
    long? Parameters = null,
    string? License = null,
    string? LicenseName = null,
    string? LicenseLink = null,
    bool Private = false,
    string? Gated = null
);

/// <summary>A request the fake Hub answered, with what it answered (status 0: arrived and being held).</summary>
public sealed record HubRequest(
    string Path,
    string Query,
    string? IfNoneMatch,
    string? Authorization,
    int Status,
    DateTimeOffset At
)
{
    public bool IsListing => Path == "/api/models";
}

/// <summary>A scripted answer instead of the fake's own (a 429, a 500, malformed JSON).</summary>
public sealed record HubFault(int Status, string Body = "", int? RetryAfterSeconds = null);

/// <summary>
/// The Hugging Face Hub on loopback, speaking the shapes the real one does: GET /api/models (an author's repos,
/// sorted, limited, paged by a Link rel="next" cursor, only the expand[] fields plus _id and id, a weak ETag and 304
/// on If-None-Match) and GET /api/models/{org}/{name} (huggingface.js's ApiModelInfo: safetensors, cardData,
/// createdAt, lastModified, private, gated; 401 for a repo that does not exist, as the Hub answers anonymous
/// callers). Tests publish and remove repos, script faults and hold model requests to stop a poll midway.
/// </summary>
public sealed class FakeHuggingFace : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private readonly ConcurrentDictionary<string, FakeRepo> _repos = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<HubRequest> _requests = new();
    private readonly Channel<HubRequest> _arrivals = Channel.CreateUnbounded<HubRequest>();
    private volatile Hold? _hold;

    private FakeHuggingFace() { }

    public string BaseUrl => _server.BaseUrl;

    public IReadOnlyList<HubRequest> Requests => [.. _requests];

    /// <summary>Decides an answer before the fake does; null lets the fake answer.</summary>
    public Func<HubRequest, HubFault?> Fault { get; set; } = _ => null;

    public static async Task<FakeHuggingFace> StartAsync(params FakeRepo[] repos)
    {
        var fake = new FakeHuggingFace();
        foreach (var repo in repos)
            fake.Publish(repo);
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/models", fake.ListAsync);
            app.MapGet("/api/models/{org}/{name}", fake.ModelAsync);
        });
        return fake;
    }

    public void Publish(FakeRepo repo) => _repos[repo.Id] = repo;

    public void Remove(string id) => _repos.TryRemove(id, out _);

    /// <summary>
    /// From now on, requests for these repos' records (all, if none named) wait until
    /// <see cref="ReleaseModelRequests"/>: a poll stopped midway, or a repo deleted while it is being read.
    /// </summary>
    public void HoldModelRequests(params string[] repoIds) =>
        _hold = new Hold(
            id => repoIds.Length == 0 || repoIds.Contains(id, StringComparer.OrdinalIgnoreCase),
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
        );

    public void ReleaseModelRequests()
    {
        var hold = _hold;
        _hold = null;
        hold?.Gate.TrySetResult();
    }

    /// <summary>The next request matching <paramref name="match"/> to arrive (or already arrived and not yet taken).</summary>
    public async Task<HubRequest> WaitForRequestAsync(Func<HubRequest, bool> match)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var request in _arrivals.Reader.ReadAllAsync(guard.Token))
            if (match(request))
                return request;
        throw new InvalidOperationException("unreachable");
    }

    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var author = query["author"].ToString();
        var expand = Expand(context);
        var repos = _repos.Values.Where(r => r.Id.StartsWith(author + "/", StringComparison.OrdinalIgnoreCase));
        repos = query["sort"] == "createdAt"
            ? query["direction"] == "-1"
                ? repos.OrderByDescending(r => r.CreatedAt)
                : repos.OrderBy(r => r.CreatedAt)
            : repos.OrderBy(r => r.Id, StringComparer.Ordinal);
        var all = repos.ToList();
        var limit = int.TryParse(query["limit"], out var l) ? Math.Clamp(l, 1, 1000) : 1000;
        var offset = query["cursor"] is { Count: > 0 } cursor ? Offset(cursor.ToString()) : 0;
        var page = all.Skip(offset).Take(limit).ToList();
        var body = new JsonArray(page.Select(r => (JsonNode)Listing(r, expand)).ToArray()).ToJsonString();
        if (offset + limit < all.Count)
        {
            var next = QueryString.Create(
                query
                    .Where(q => q.Key != "cursor")
                    .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                    .Append(new("cursor", Cursor(offset + limit)))
            );
            context.Response.Headers["Link"] = $"<{BaseUrl}/api/models{next}>; rel=\"next\"";
        }
        await AnswerAsync(context, body);
    }

    private async Task ModelAsync(HttpContext context, string org, string name)
    {
        var id = $"{org}/{name}";
        if (_hold is { } hold && hold.Which(id))
        {
            Record(context, 0);
            await hold.Gate.Task.WaitAsync(context.RequestAborted);
        }
        if (!_repos.TryGetValue(id, out var repo) || repo.Private)
        {
            var anonymous = string.IsNullOrEmpty(context.Request.Headers.Authorization);
            context.Response.StatusCode = anonymous ? 401 : 404;
            await Write(context, anonymous ? """{"error":"Invalid username or password."}""" : """{"error":"Repository not found"}""");
            Record(context, context.Response.StatusCode);
            return;
        }
        await AnswerAsync(context, Model(repo, Expand(context)).ToJsonString());
    }

    /// <summary>200 with an ETag, or 304 when the caller already has this body, unless a fault is scripted.</summary>
    private async Task AnswerAsync(HttpContext context, string body)
    {
        var request = Request(context, 0);
        if (Fault(request) is { } fault)
        {
            context.Response.StatusCode = fault.Status;
            if (fault.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Write(context, fault.Body);
            Record(context, fault.Status);
            return;
        }
        var etag = $"W/\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..20].ToLowerInvariant()}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            Record(context, 304);
            return;
        }
        await Write(context, body);
        Record(context, 200);
    }

    private static JsonObject Listing(FakeRepo repo, HashSet<string> expand)
    {
        var item = new JsonObject { ["_id"] = ObjectId(repo.Id), ["id"] = repo.Id };
        var fields = expand.Count > 0 ? expand : ["createdAt", "private", "downloads", "likes", "tags", "modelId"];
        foreach (var field in fields)
            item[field] = field switch
            {
                "createdAt" => Iso(repo.CreatedAt),
                "private" => repo.Private,
                "downloads" => 0,
                "likes" => 0,
                "tags" => new JsonArray(),
                "modelId" => repo.Id,
                _ => null,
            };
        return item;
    }

    private static JsonObject Model(FakeRepo repo, HashSet<string> expand)
    {
        var info = new JsonObject { ["_id"] = ObjectId(repo.Id), ["id"] = repo.Id };
        foreach (var field in expand)
            switch (field)
            {
                case "createdAt":
                    info["createdAt"] = Iso(repo.CreatedAt);
                    break;
                case "lastModified":
                    info["lastModified"] = Iso(repo.CreatedAt.AddHours(1));
                    break;
                case "private":
                    info["private"] = repo.Private;
                    break;
                case "gated":
                    info["gated"] = repo.Gated is null ? false : repo.Gated;
                    break;
                case "cardData" when repo.License is not null:
                    var card = new JsonObject { ["license"] = repo.License };
                    if (repo.LicenseName is not null)
                        card["license_name"] = repo.LicenseName;
                    if (repo.LicenseLink is not null)
                        card["license_link"] = repo.LicenseLink;
                    info["cardData"] = card;
                    break;
                case "safetensors" when repo.Parameters is { } parameters:
                    info["safetensors"] = new JsonObject
                    {
                        ["parameters"] = new JsonObject { ["BF16"] = parameters },
                        ["total"] = parameters,
                    };
                    break;
            }
        return info;
    }

    private static HashSet<string> Expand(HttpContext context) =>
        context.Request.Query["expand[]"].Concat(context.Request.Query["expand"]).OfType<string>().ToHashSet();

    private HubRequest Request(HttpContext context, int status) =>
        new(
            context.Request.Path.Value!,
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.IfNoneMatch.Count > 0 ? context.Request.Headers.IfNoneMatch.ToString() : null,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            status,
            DateTimeOffset.UtcNow
        );

    private void Record(HttpContext context, int status)
    {
        var request = Request(context, status);
        _requests.Enqueue(request);
        _arrivals.Writer.TryWrite(request);
    }

    private static async Task Write(HttpContext context, string body)
    {
        if (body.Length == 0)
            return;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string ObjectId(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..24].ToLowerInvariant();

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"$offset\":{offset}}}"));

    private sealed record Hold(Func<string, bool> Which, TaskCompletionSource Gate);

    public async ValueTask DisposeAsync()
    {
        ReleaseModelRequests();
        await _server.DisposeAsync();
    }

    private static int Offset(string cursor)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        return int.Parse(text[(text.IndexOf(':') + 1)..^1], CultureInfo.InvariantCulture);
    }
}
