using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

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

public static class CliVerbRegistration
{
    /// <summary>
    /// Registers a verb under its name, so running one builds only what that verb needs: <c>health</c> must not open
    /// the database the running bot holds.
    /// </summary>
    public static IServiceCollection AddCliVerb<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TVerb
    >(this IServiceCollection services, string name)
        where TVerb : class, ICliVerb => services.AddKeyedSingleton<ICliVerb, TVerb>(name);
}
