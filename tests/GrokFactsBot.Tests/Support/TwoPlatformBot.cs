using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace GrokFactsBot.Tests.Support;

/// <summary>
/// The real program on Kestrel (127.0.0.1, any port) with the settings a test gives, e.g. both Discord and Slack in
/// Http mode.
/// </summary>
public sealed class TwoPlatformBot : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public TwoPlatformBot(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    /// <summary>Starts the server and returns a client for its real loopback address.</summary>
    public HttpClient StartKestrel()
    {
        StartServer();
        return CreateClient();
    }
}
