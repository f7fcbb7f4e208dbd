namespace GrokFactsBot.Core.Presentation;

/// <summary>What a clicker is told when a button can't be used, the same on every platform.</summary>
public static class ButtonNotes
{
    public const string Unreadable =
        "It may have been changed on the way, or it is from before the bot's data was reset. Ask again, e.g. `help`.";

    public static string Expired(string command) =>
        $"Buttons work for {ActionTokens.Lifetime} days, so an old answer is asked again rather than shown as current. "
        + $"Ask again: `{command}`.";
}
