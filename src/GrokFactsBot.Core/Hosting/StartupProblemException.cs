namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// A failure the operator fixes, not a bug: its message names the setting or file and what to do, and start-up prints
/// just that (no stack trace) and exits 1.
/// </summary>
public class StartupProblemException(string message, Exception? inner = null) : Exception(message, inner);
