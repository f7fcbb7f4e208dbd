using GrokFactsBot.Core.Hosting;
using GrokFactsBot.LocalChat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GrokFactsBot.Tests.Support;

/// <summary>
/// The real program in-process (WebApplicationFactory), on the test knowledge and a temporary database, with one
/// loopback front end whose connection the test controls, which also keeps the console chat off.
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _temp = new();

    public LoopbackFrontEnd FrontEnd { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:Directory", TestPaths.TestKnowledge);
        builder.UseSetting("Storage:DatabasePath", _temp.Combine("grokfacts.db"));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IFrontEnd>(FrontEnd);
            services.AddSingleton<IReadinessCheck>(FrontEnd);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _temp.Dispose();
    }
}

/// <summary>A front end as the host sees one: a name, and whether it is connected to its platform.</summary>
public sealed class LoopbackFrontEnd : IFrontEnd, IReadinessCheck
{
    public string Name => "loopback";

    public bool IsConnected { get; set; } = true;

    public Readiness Check() =>
        IsConnected ? Readiness.Ready("connected") : Readiness.NotReady("not connected to the platform");
}
