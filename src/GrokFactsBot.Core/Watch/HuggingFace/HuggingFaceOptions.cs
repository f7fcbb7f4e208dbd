using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Core.Watch.HuggingFace;

/// <summary>The Hugging Face watcher (section "Watch:HuggingFace"); off unless <see cref="Enabled"/>.</summary>
public sealed class HuggingFaceOptions
{
    public const string Section = "Watch:HuggingFace";

    public bool Enabled { get; set; }

    public string BaseUrl { get; set; } = "https://huggingface.co";

    /// <summary>Organisations to watch; empty means the labs of the knowledge base (see <see cref="LabOrganizations"/>).</summary>
    public List<string> Organizations { get; set; } = [];

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Repos asked for per page of an organisation's newest (the Hub's limit parameter).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Pages followed (Link rel="next") when a whole page is new, before the rest waits for the next poll.</summary>
    public int MaxPages { get; set; } = 3;

    /// <summary>A Hugging Face access token (hf_…), best given as the secret file Watch__HuggingFace__Token.</summary>
    public string? Token { get; set; }

    /// <summary>Requests to the Hub in any 5 minutes, for all organisations together.</summary>
    public int RequestBudget { get; set; } = 100;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public PoliteHttpSettings Http =>
        new(RequestBudget, TimeSpan.FromMinutes(5), RequestTimeout, Retries: 2);
}

/// <summary>One line per problem, each naming the setting and how to fix it; nothing is checked while disabled.</summary>
public sealed partial class HuggingFaceOptionsValidator : IValidateOptions<HuggingFaceOptions>
{
    public ValidateOptionsResult Validate(string? name, HuggingFaceOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add($"{HuggingFaceOptions.Section}:BaseUrl must be an http(s) address, e.g. https://huggingface.co");
        foreach (var org in options.Organizations.Where(o => !OrgName().IsMatch(o)))
            problems.Add(
                $"{HuggingFaceOptions.Section}:Organizations has '{org}', which is not a Hugging Face organisation name (e.g. xai-org)"
            );
        if (options.Interval < TimeSpan.FromMilliseconds(50) || options.Interval > TimeSpan.FromDays(1))
            problems.Add($"{HuggingFaceOptions.Section}:Interval must be between 00:00:00.05 and 1.00:00:00, e.g. 00:15:00");
        if (options.PageSize is < 1 or > 100)
            problems.Add($"{HuggingFaceOptions.Section}:PageSize must be between 1 and 100");
        if (options.MaxPages is < 1 or > 20)
            problems.Add($"{HuggingFaceOptions.Section}:MaxPages must be between 1 and 20");
        if (options.RequestBudget is < 1 or > 10_000)
            problems.Add($"{HuggingFaceOptions.Section}:RequestBudget must be between 1 and 10000 requests per 5 minutes");
        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(5))
            problems.Add($"{HuggingFaceOptions.Section}:RequestTimeout must be between 00:00:01 and 00:05:00");
        if (options.Token is { } token && !token.Trim().StartsWith("hf_", StringComparison.Ordinal))
            problems.Add(
                $"{HuggingFaceOptions.Section}:Token is not a Hugging Face access token (they start with hf_); remove it to poll anonymously"
            );
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")]
    private static partial Regex OrgName();
}
