namespace GrokFactsBot.Core.Hosting;

/// <summary>A one-shot command of the program (<c>ask</c>, <c>import</c>, <c>register-commands</c>): it runs and exits.</summary>
/// <remarks>Lives in the core so front-end projects (Discord, Slack) can contribute verbs without referencing the host.</remarks>
public interface ICliVerb
{
    string Name { get; }

    /// <summary>Returns the process exit code: 0 done, 1 failed, 2 usage error.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

/// <summary>A marker each chat front end registers; the local chat runs only when there is none.</summary>
public interface IFrontEnd
{
    string Name { get; }
}
