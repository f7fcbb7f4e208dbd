using GrokFactsBot.Core.News;
using GrokFactsBot.Core.Watch;
using GrokFactsBot.Core.Watch.HuggingFace;

namespace GrokFactsBot.Watch;

public static class WatchHostRegistration
{
    /// <summary>
    /// <c>news</c>, and the release watchers that are switched on (Watch:HuggingFace:Enabled); each runs beside the
    /// front ends and never holds up start-up or /readyz. A token comes from the secret file Watch__HuggingFace__Token
    /// like any other secret.
    /// </summary>
    public static IHostApplicationBuilder AddWatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddNews();
        if (IsOn(builder.Configuration, HuggingFaceOptions.Section))
            builder.Services.AddHuggingFaceWatcher();
        return builder;
    }

    /// <summary>On unless unset or "false"; a value that is no boolean is reported by the options binding at start.</summary>
    private static bool IsOn(IConfiguration configuration, string section) =>
        configuration[$"{section}:Enabled"] is { } value && !value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
}
