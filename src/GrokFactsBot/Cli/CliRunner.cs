using System.Text.RegularExpressions;
using GrokFactsBot.Core.Hosting;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Knowledge;
using GrokFactsBot.Operations;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Cli;

/// <summary>
/// Runs the host as a service, or one verb and exits; turns start-up failures into one readable message.
/// </summary>
public static partial class CliRunner
{
    public static async Task<int> RunAsync(
        WebApplication app,
        CliCommand cli,
        TextWriter? output = null,
        TextWriter? error = null
    )
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            if (cli.Verb is null)
                return await HostExit.RunAsync(app);
            var verb = app.Services.GetServices<ICliVerb>().FirstOrDefault(v => v.Name == cli.Verb);
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
    /// The one message an operator needs for a failure they can fix; null for a bug (left to crash loudly).
    /// </summary>
    internal static string? StartupProblem(Exception e) =>
        e switch
        {
            OptionsValidationException v => "Configuration problem: "
                + string.Join(Environment.NewLine, v.Failures.Select(WithoutValidatorPreamble)),
            AggregateException a when a.InnerExceptions.All(i => StartupProblem(i) is not null) => string.Join(
                Environment.NewLine,
                a.InnerExceptions.Select(i => StartupProblem(i))
            ),
            KnowledgeImportException or DatabaseInUseException => e.Message,
            _ => null,
        };

    /// <summary>
    /// Data annotations wrap the message we wrote ("Storage:DatabasePath is empty; set it to …") in their own words;
    /// keep ours.
    /// </summary>
    private static string WithoutValidatorPreamble(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } m ? m.Groups[1].Value : failure;

    [GeneratedRegex(
        @"^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(.*)'\.?$",
        RegexOptions.Singleline
    )]
    private static partial Regex DataAnnotationFailure();
}
