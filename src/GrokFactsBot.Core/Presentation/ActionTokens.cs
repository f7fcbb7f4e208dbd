using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GrokFactsBot.Core.Presentation;

public enum TicketStatus
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// What a button asks for once read back: the command whose answer it opens, the page, and whether it turns a
/// page of the message it sits on (which can then be edited in place) rather than opening something new.
/// </summary>
public sealed record ButtonTicket(TicketStatus Status, string? Command = null, int Page = 0, bool TurnsPage = false)
{
    public static readonly ButtonTicket Invalid = new(TicketStatus.Invalid);
}

/// <summary>
/// A button's id carries what it opens: "g1:{o|p}{page}:{day}:{mac}:{command}", at most 100 characters (Discord's
/// custom_id limit). The MAC (HMAC-SHA256 under a key kept in the database) shows the id is one the bot made, so an
/// altered id is refused before anything runs; the day it was made lets old buttons retire after
/// <see cref="Lifetime"/> days, so an answer from long ago is asked again rather than trusted as current.
/// </summary>
public sealed class ActionTokens(ActionKey key, TimeProvider time)
{
    public const int MaxLength = 100;
    public const int Lifetime = 30;
    private const string Version = "g1";
    private const int MacChars = 10;
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The id for a button that opens <paramref name="command"/>; null when it would be too long.</summary>
    public string? Issue(string command, int page = 0, bool turnsPage = false)
    {
        var body = $"{(turnsPage ? 'p' : 'o')}{page.ToString(CultureInfo.InvariantCulture)}:{Today()}";
        var token = $"{Version}:{body}:{Mac(body, command)}:{command}";
        return token.Length <= MaxLength && page is >= 0 and < 1000 ? token : null;
    }

    public ButtonTicket Read(string? token)
    {
        if (token is null || token.Length > MaxLength)
            return ButtonTicket.Invalid;
        var parts = token.Split(':', 5);
        if (
            parts is not [Version, var view, var dayText, var mac, var command]
            || view.Length < 2
            || view[0] is not ('o' or 'p')
            || !int.TryParse(view[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || !int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || command.Length == 0
        )
            return ButtonTicket.Invalid;
        var expected = Encoding.ASCII.GetBytes(Mac($"{view}:{dayText}", command));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac)))
            return ButtonTicket.Invalid;
        var today = Today();
        if (day > today + 1)
            return ButtonTicket.Invalid;
        return new ButtonTicket(
            today - day > Lifetime ? TicketStatus.Expired : TicketStatus.Valid,
            command,
            page,
            view[0] == 'p'
        );
    }

    private int Today() => (int)(time.GetUtcNow().UtcDateTime - Epoch).TotalDays;

    private string Mac(string body, string command)
    {
        var hash = HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"{body}:{command}"));
        return Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_')[..MacChars];
    }
}
