using System.Globalization;
using System.Text.Json;

namespace GrokFactsBot.Core.Watch.HuggingFace;

/// <summary>One entry of an organisation's listing: the repo id and when the Hub says it was created.</summary>
public sealed record HubListing(string Id, DateTimeOffset? CreatedAt, bool IsPrivate);

/// <summary>The parts of a model's Hub record (huggingface.js's ApiModelInfo) the watcher records.</summary>
public sealed record HubModel(
    string Id,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastModified,
    long? SafetensorsTotal,
    IReadOnlyDictionary<string, long> SafetensorsByType,
    string? License,
    string? LicenseName,
    string? LicenseLink,
    bool IsPrivate,
    string? Gated
)
{
    public string Organization => Id.Split('/')[0];

    public string Name => Id.Split('/').Last();
}

/// <summary>A page of a listing, or why there is none.</summary>
public sealed record HubPage(Fetched Fetch, IReadOnlyList<HubListing> Repos, string? Problem = null);

/// <summary>
/// The two Hub endpoints the watcher uses: an organisation's newest model repos (only id, createdAt and private, so
/// the listing and its ETag change only when repos come, go or go public) and one model's record with safetensors
/// and card data.
/// </summary>
public sealed class HubApi(PoliteHttp http, Uri baseUrl, int pageSize)
{
    public string Host => baseUrl.Host;

    /// <summary>The Hub gives this createdAt to every repo made before it recorded creation dates.</summary>
    public static readonly DateTimeOffset PlaceholderCreatedAt = new(2022, 3, 2, 23, 29, 4, TimeSpan.Zero);

    public Uri ListUrl(string organization) =>
        new(
            baseUrl,
            $"api/models?author={Uri.EscapeDataString(organization)}&sort=createdAt&direction=-1"
                + $"&limit={pageSize}&expand[]=createdAt&expand[]=private"
        );

    public Uri ModelUrl(string repoId) =>
        new(
            baseUrl,
            $"api/models/{string.Join('/', repoId.Split('/').Select(Uri.EscapeDataString))}?expand[]=safetensors&expand[]=cardData&expand[]=createdAt&expand[]=lastModified"
                + "&expand[]=private&expand[]=gated"
        );

    public async Task<HubPage> ListAsync(Uri url, string? etag, CancellationToken cancellationToken)
    {
        var fetched = await http.GetAsync(url, etag, cancellationToken);
        if (fetched.Outcome != FetchOutcome.Fresh)
            return new HubPage(fetched, []);
        try
        {
            using var json = JsonDocument.Parse(fetched.Body!);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
                return new HubPage(fetched, [], $"the listing at {url.AbsolutePath} is not a JSON array");
            var repos = json
                .RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && Text(e, "id") is { Length: > 0 })
                .Select(e => new HubListing(Text(e, "id")!, Date(e, "createdAt"), Flag(e, "private")))
                .ToList();
            return new HubPage(fetched, repos);
        }
        catch (JsonException e)
        {
            return new HubPage(fetched, [], $"malformed JSON in the listing at {url.AbsolutePath}: {e.Message}");
        }
    }

    public async Task<(Fetched Fetch, HubModel? Model, string? Problem)> ModelAsync(
        string repoId,
        CancellationToken cancellationToken
    )
    {
        var fetched = await http.GetAsync(ModelUrl(repoId), null, cancellationToken);
        if (fetched.Outcome != FetchOutcome.Fresh)
            return (fetched, null, null);
        try
        {
            using var json = JsonDocument.Parse(fetched.Body!);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { Length: > 0 } id)
                return (fetched, null, $"the record of {repoId} has no id");
            return (fetched, Parse(id, root), null);
        }
        catch (JsonException e)
        {
            return (fetched, null, $"malformed JSON in the record of {repoId}: {e.Message}");
        }
    }

    private static HubModel Parse(string id, JsonElement root)
    {
        var card = root.TryGetProperty("cardData", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var license = card.ValueKind == JsonValueKind.Object && card.TryGetProperty("license", out var l)
            ? l.ValueKind switch
            {
                JsonValueKind.String => l.GetString(),
                JsonValueKind.Array => l.EnumerateArray().Select(x => x.ToString()).FirstOrDefault(),
                _ => null,
            }
            : null;
        long? total = null;
        var byType = new Dictionary<string, long>();
        if (root.TryGetProperty("safetensors", out var st) && st.ValueKind == JsonValueKind.Object)
        {
            if (st.TryGetProperty("total", out var t) && t.TryGetInt64(out var n) && n > 0)
                total = n;
            if (st.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
                foreach (var kind in p.EnumerateObject())
                    if (kind.Value.TryGetInt64(out var count))
                        byType[kind.Name] = count;
        }
        var gated = root.TryGetProperty("gated", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
        return new HubModel(
            id,
            Date(root, "createdAt"),
            Date(root, "lastModified"),
            total,
            byType,
            license,
            card.ValueKind == JsonValueKind.Object ? Text(card, "license_name") : null,
            card.ValueKind == JsonValueKind.Object ? Text(card, "license_link") : null,
            Flag(root, "private"),
            gated
        );
    }

    private static bool Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        Text(e, name) is { } text
        && DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var date
        )
            ? date
            : null;
}
