namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// A marker each chat front end registers; the local chat runs only when there is none. It lives in the core so
/// front-end projects (which the host references, not the other way round) can register it.
/// </summary>
public interface IFrontEnd
{
    string Name { get; }
}
