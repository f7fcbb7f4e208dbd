using GrokFactsBot.Cli;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.LocalChat;

namespace GrokFactsBot.Operations;

/// <summary>
/// <c>health [--ready]</c>: asks the running bot's /healthz (or /readyz) on its own address and exits 0 when it says
/// yes. The container image has no curl; its HEALTHCHECK runs this instead.
/// </summary>
public sealed class HealthVerb(IConfiguration configuration) : ICliVerb
{
    public string Name => "health";

    public async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var path = args.Contains("--ready") ? "/readyz" : "/healthz";
        var url = LocalAddress(configuration["Urls"]) + path;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken);
            await output.WriteLineAsync(
                $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}"
            );
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{url}: no answer ({e.Message})");
            return 1;
        }
    }

    /// <summary>The first configured address, with a listen-on-everything host turned into loopback.</summary>
    internal static string LocalAddress(string? urls)
    {
        var first =
            (urls ?? LocalChatRegistration.ServiceAddress)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault()
            ?? LocalChatRegistration.ServiceAddress;
        var uri = new UriBuilder(
            first
                .Replace("://+", "://0.0.0.0", StringComparison.Ordinal)
                .Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
        );
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
            uri.Host = "127.0.0.1";
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
