namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// A one-shot command of the program (<c>ask</c>, <c>import</c>, <c>register-commands</c>): it runs and exits.
/// It lives in the core, like <see cref="IFrontEnd"/>, so front-end projects can contribute verbs.
/// </summary>
public interface ICliVerb
{
    string Name { get; }

    /// <summary>Returns the process exit code: 0 done, 1 failed, 2 usage error.</summary>
    Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    );
}
