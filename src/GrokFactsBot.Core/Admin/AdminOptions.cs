namespace GrokFactsBot.Core.Admin;

/// <summary>
/// Global bot admins, as qualified platform user ids: "discord:80351110224678912", "slack:T0123/U0456".
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admins";

    public List<string> Users { get; set; } = [];

    public bool IsGlobalAdmin(string qualifiedUserId) =>
        Users.Contains(qualifiedUserId, StringComparer.OrdinalIgnoreCase);
}
