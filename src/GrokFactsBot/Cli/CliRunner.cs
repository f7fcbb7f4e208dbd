using System.Text.RegularExpressions;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Knowledge;
using GrokFactsBot.Operations;
using LiteDB;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Cli;

/// <summary>
/// Builds and runs the host as a service, or one verb and exits; turns every start-up failure an operator can fix
/// (from building the services to the first import) into one readable message and exit code 1.
/// </summary>
public static partial class CliRunner
{
    public static Task<int> RunAsync(
        WebApplication app,
        CliCommand cli,
        TextWriter? output = null,
        TextWriter? error = null
    ) => RunAsync(cli, () => app, output, error);

    public static async Task<int> RunAsync(
        CliCommand cli,
        Func<WebApplication> build,
        TextWriter? output = null,
        TextWriter? error = null
    )
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var app = build();
            // Before anything opens the database: the folder is read while the database is (by what reads both).
            if (cli.ReadsKnowledge)
                app.Services.GetService<KnowledgeFolderReading>()?.Begin();
            if (cli.Verb is null)
            {
                await PreflightAsync(app.Services);
                return await HostExit.RunAsync(app);
            }
            var verb =
                app.Services.GetKeyedService<ICliVerb>(cli.Verb)
                ?? app.Services.GetServices<ICliVerb>().FirstOrDefault(v => v.Name == cli.Verb);
            if (verb is null)
            {
                await error.WriteLineAsync($"'{cli.Verb}' is not available in this build.");
                return 2;
            }
            return await verb.RunAsync(cli.VerbArgs, output, error, CancellationToken.None);
        }
        catch (Exception e) when (StartupProblem(e) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return 1;
        }
    }

    /// <summary>
    /// What a misconfiguration breaks, done before the host starts: there a failure would be logged as "Hosting failed
    /// to start" with a stack trace. Settings are validated, the database opened and the knowledge imported.
    /// </summary>
    private static async Task PreflightAsync(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        services.GetService<ILiteDatabase>();
        if (services.GetService<KnowledgeStartup>() is { } knowledge)
            await knowledge.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// The one message an operator needs for a failure they can fix; null for a bug (left to crash loudly).
    /// </summary>
    internal static string? StartupProblem(Exception e) =>
        e switch
        {
            OptionsValidationException v => string.Join(
                Environment.NewLine,
                v.Failures.Select(f => "Configuration problem: " + WithoutValidatorPreamble(f))
            ),
            AggregateException a when a.InnerExceptions.All(i => StartupProblem(i) is not null) => string.Join(
                Environment.NewLine,
                a.InnerExceptions.Select(i => StartupProblem(i))
            ),
            StartupProblemException => e.Message,
            _ => null,
        };

    /// <summary>
    /// A generated options validator puts the property's name before the message we wrote ("DatabasePath:
    /// Storage:DatabasePath is empty; set it to …"), which already names the setting; keep ours.
    /// </summary>
    private static string WithoutValidatorPreamble(string failure) =>
        MemberPrefixedFailure().Match(failure) is { Success: true } m ? m.Groups["message"].Value : failure;

    [GeneratedRegex(@"^(?<member>\w+): (?<message>\w+:\k<member>\b.*)$", RegexOptions.Singleline)]
    private static partial Regex MemberPrefixedFailure();
}
