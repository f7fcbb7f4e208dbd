using GrokFactsBot.Core.FrontEnds;
using GrokFactsBot.Knowledge;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Cli;

/// <summary>Runs the host as a service, or one verb and exits; turns start-up failures into one readable message.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(WebApplication app, CliCommand cli)
    {
        try
        {
            if (cli.Verb is null)
            {
                await app.RunAsync();
                return Environment.ExitCode;
            }
            var verb = app.Services.GetServices<ICliVerb>().FirstOrDefault(v => v.Name == cli.Verb);
            if (verb is null)
            {
                await Console.Error.WriteLineAsync($"'{cli.Verb}' is not available in this build.");
                return 2;
            }
            return await verb.RunAsync(cli.VerbArgs, Console.Out, Console.Error, CancellationToken.None);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("Configuration problem: " + string.Join(Environment.NewLine, e.Failures));
            return 1;
        }
        catch (KnowledgeImportException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (IOException e) when (e.Message.Contains(".db", StringComparison.OrdinalIgnoreCase) || e.HResult == 32 || e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"The database file is in use by another GrokFactsBot ({e.Message}). One running bot per database file: stop it, or point Storage:DatabasePath elsewhere.");
            return 1;
        }
    }
}
