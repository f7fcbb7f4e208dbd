using GrokFactsBot.Core.Curation;

namespace GrokFactsBot.Curation;

public static class CurationHostRegistration
{
    /// <summary>Admin commands, channel subscriptions and the release-update outbox worker.</summary>
    public static IHostApplicationBuilder AddCuration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCuration();
        return builder;
    }
}
