namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// Something that must be true before the bot takes traffic: the database open, the knowledge imported, a front end
/// connected. Front ends register one (<c>services.AddSingleton&lt;IReadinessCheck, MyConnectionCheck&gt;()</c>) and
/// the host reports them all at <c>GET /readyz</c>. Checks are built when the endpoint is mapped, before anything
/// starts: construct cheaply and resolve what you inspect on <see cref="Check"/>, never connect in a constructor.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>Short, stable name shown in /readyz, e.g. "discord-gateway".</summary>
    string Name { get; }

    Readiness Check();
}

/// <summary>
/// Whether one part is ready, and in words why not (never a secret). A degraded part still takes traffic (/readyz
/// stays 200) but says what does not work, e.g. saving on a full disk.
/// </summary>
public sealed record Readiness(bool IsReady, string Description, bool IsDegraded = false)
{
    public static Readiness Ready(string description) => new(true, description);

    public static Readiness NotReady(string description) => new(false, description);

    public static Readiness Degraded(string description) => new(true, description, IsDegraded: true);
}
