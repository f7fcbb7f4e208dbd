namespace GrokFactsBot.Discord.Interactions;

public enum CallbackType
{
    Pong = 1,
    ChannelMessage = 4,
    DeferredChannelMessage = 5,
    UpdateMessage = 7,
    AutocompleteResult = 8,
}

/// <summary>
/// An interaction response; <c>Data</c> is a <see cref="MessagePayload"/> or <see cref="AutocompleteResult"/>.
/// </summary>
public sealed record InteractionResponse(CallbackType Type, object? Data = null)
{
    public static readonly InteractionResponse Pong = new(CallbackType.Pong);
}

public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    /// <summary>Nobody is pinged, whatever the text says.</summary>
    public static readonly AllowedMentions None = new([]);
}

public sealed record MessagePayload(
    IReadOnlyList<Embed>? Embeds = null,
    string? Content = null,
    int? Flags = null,
    string? Nonce = null,
    bool? EnforceNonce = null,
    IReadOnlyList<ActionRow>? Components = null,
    IReadOnlyList<AttachmentRef>? Attachments = null
)
{
    public const int Ephemeral = 1 << 6;

    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;
}

/// <summary>A defer's data: only the ephemeral flag may be set, and it fixes who will see the answer.</summary>
public sealed record DeferredData(int Flags)
{
    public static readonly DeferredData Ephemeral = new(MessagePayload.Ephemeral);
}

/// <summary>A file sent with the message, named by its index among the multipart files.</summary>
public sealed record AttachmentRef(int Id, string Filename, string? Description = null);

/// <summary>A row of up to five buttons (component type 1).</summary>
public sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

/// <summary>A secondary-style button (component type 2) whose custom_id says what it opens.</summary>
public sealed record Button(string Label, string CustomId, bool? Disabled = null)
{
    public int Type => 2;
    public int Style => 2;
}

public sealed record AutocompleteResult(IReadOnlyList<AutocompleteChoice> Choices);

public sealed record AutocompleteChoice(string Name, string Value);

public sealed record Embed(
    string? Title,
    string? Description,
    int Color,
    IReadOnlyList<EmbedField> Fields,
    EmbedFooter? Footer = null,
    EmbedImage? Image = null
)
{
    public string Type => "rich";
}

public sealed record EmbedField(string Name, string Value, bool Inline = false);

public sealed record EmbedFooter(string Text);

/// <summary>"attachment://timeline.png" shows the file of that name sent with the message.</summary>
public sealed record EmbedImage(string Url);

/// <summary>
/// What to send first, and what to do once Discord has it: a deferred answer's edit of @original must not race
/// ahead of the type-5 response it edits.
/// </summary>
public sealed record InteractionReply(InteractionResponse Initial, Func<CancellationToken, Task>? AfterInitial = null);
