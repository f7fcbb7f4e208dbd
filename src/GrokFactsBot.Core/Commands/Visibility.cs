using GrokFactsBot.Core.Answers;

namespace GrokFactsBot.Core.Commands;

public enum Visibility
{
    Public,
    Private,
}

/// <summary>
/// Who sees a reply, one rule for every platform: an answer to a question goes to the channel unless the asker or
/// the server's admins chose private; errors, refusals, usage hints and help go only to the person who asked,
/// whatever was chosen; an admin chore's reply too, unless its admin asks for it in the channel.
/// </summary>
public static class VisibilityRule
{
    public const string OptionName = "private";

    /// <summary>The boolean option every question command takes on Discord.</summary>
    public static readonly CommandOption Option = new(
        OptionName,
        "Show the answer only to you",
        OptionKind.Boolean,
        Required: false
    );

    /// <summary>A question: a read command anyone may run (not help, which is always private).</summary>
    public static bool IsQuestion(CommandDefinition? definition) =>
        definition is { Permission: Permission.Everyone, Subcommands: null or { Count: 0 } }
        && !definition.Name.Equals("help", StringComparison.OrdinalIgnoreCase);

    public static bool AlwaysPrivate(Answer answer) => answer.IsPrivate || answer.Kind == AnswerKind.Help;

    /// <summary>An admin chore's reply stays with the admin unless they ask for it in the channel.</summary>
    public static Visibility Decide(Answer answer, bool isQuestion, Visibility? requested, Visibility serverDefault) =>
        AlwaysPrivate(answer) ? Visibility.Private : Predict(isQuestion, requested, serverDefault);

    /// <summary>Before the answer exists (a deferred reply must choose now): what a successful answer would get.</summary>
    public static Visibility Predict(bool isQuestion, Visibility? requested, Visibility serverDefault) =>
        requested ?? (isQuestion ? serverDefault : Visibility.Private);

    /// <summary>"true"/"false" of the Discord option; anything else is no choice.</summary>
    public static Visibility? FromOption(string? value) =>
        bool.TryParse(value, out var isPrivate) ? (isPrivate ? Visibility.Private : Visibility.Public) : null;
}

/// <summary>
/// What a text line asks for at its end: "private", "public" (or "--public"), and "full" for the whole answer
/// rather than its digest, in any order.
/// </summary>
public sealed record TrailingWords(string Text, Visibility? Requested, bool Full)
{
    private static readonly (string Word, Visibility? Visibility, bool Full)[] Words =
    [
        ("--public", Visibility.Public, false),
        ("public", Visibility.Public, false),
        ("--private", Visibility.Private, false),
        ("private", Visibility.Private, false),
        ("full", null, true),
    ];

    public static TrailingWords Split(string text)
    {
        var (rest, requested, full) = (text.TrimEnd(), (Visibility?)null, false);
        for (var found = true; found;)
        {
            found = false;
            foreach (var (word, visibility, isFull) in Words)
            {
                if (!rest.EndsWith(word, StringComparison.OrdinalIgnoreCase))
                    continue;
                var before = rest[..^word.Length];
                if (before.Length > 0 && !char.IsWhiteSpace(before[^1]))
                    continue;
                rest = before.TrimEnd();
                requested ??= visibility;
                full |= isFull;
                found = true;
                break;
            }
        }
        return new TrailingWords(rest, requested, full);
    }
}
