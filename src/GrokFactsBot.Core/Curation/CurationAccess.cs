using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;

namespace GrokFactsBot.Core.Curation;

/// <summary>
/// Who may change what. Global admins write the shared base; a server admin writes facts local to their own server
/// (or workspace) and may change only those. The router checks the command's permission first; this re-checks and
/// decides the scope, because the permission shown to the platform is only a UI hint.
/// </summary>
public static class CurationAccess
{
    /// <summary>
    /// Null when the caller may add facts; <paramref name="scope"/> is where they land (null = shared base).
    /// </summary>
    public static Answer? ForWriting(Caller caller, out string? scope)
    {
        scope = null;
        if (caller.IsGlobalAdmin)
            return null;
        if (!caller.IsServerAdmin)
            return Refused($"Changing facts needs {ServerAdmin(caller.Platform)}.");
        if (caller.Scope is null)
            return Refused(
                "Outside a server or workspace only global bot admins (setting Admins:Users) can change facts; run this in your server."
            );
        scope = caller.Scope;
        return null;
    }

    /// <summary>Null when the caller may change a row that lives in <paramref name="rowScope"/>.</summary>
    public static Answer? ForChanging(Caller caller, string? rowScope, string what)
    {
        if (ForWriting(caller, out var scope) is { } refusal)
            return refusal;
        if (caller.IsGlobalAdmin || rowScope == scope)
            return null;
        return Refused(
            rowScope is null
                ? $"{what} is in the shared knowledge base, which every server sees: changing it needs a global bot admin (setting Admins:Users). You can add a fact local to this server with `fact add`."
                : $"{what} belongs to another server."
        );
    }

    public static string ServerAdmin(Platform platform) =>
        platform switch
        {
            Platform.Discord => "the Manage Server (or Administrator) permission",
            Platform.Slack => "a workspace admin or owner",
            _ => "a server admin",
        };

    public static Answer Refused(string text) => Answer.Message(AnswerKind.Refused, "Not allowed", text);
}
