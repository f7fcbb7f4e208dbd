using GrokFactsBot.Core.Admin;
using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Observability;
using GrokFactsBot.Core.Presentation;
using GrokFactsBot.Core.Resolution;
using GrokFactsBot.Discord.Rendering;
using GrokFactsBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFactsBot.Discord.Interactions;

/// <summary>
/// The one handler behind both transports. It owns Discord's first-response deadline: an answer ready within
/// the inline budget goes out as the first response (type 4, or 7 for a page turn); otherwise the first response is
/// a defer (type 5) and the answer edits @original once Discord has the defer. Buttons (component interactions)
/// open what their signed custom_id names, for the clicker alone. Every failure becomes a friendly ephemeral message.
/// </summary>
public sealed class InteractionHandler(
    Replies replies,
    ActionTokens tokens,
    ModelResolver resolver,
    DiscordRestClient rest,
    IOptions<AdminOptions> admins,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionHandler> logger
)
{
    public const int MaxChoices = 25;

    public async Task<InteractionReply> RespondAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            return interaction.Type switch
            {
                InteractionType.Ping => new(InteractionResponse.Pong),
                InteractionType.ApplicationCommand when interaction.Data is { } data => await CommandAsync(
                    interaction,
                    data,
                    cancellationToken
                ),
                InteractionType.MessageComponent when interaction.Data is { } data => await ButtonAsync(
                    interaction,
                    data,
                    cancellationToken
                ),
                InteractionType.Autocomplete when interaction.Data is { } data => new(Autocomplete(interaction, data)),
                _ => new(
                    Private(
                        "Not supported",
                        "This kind of interaction isn't something GrokFactsBot handles. Try `/help`."
                    )
                ),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Interaction {Type} {Name} failed", interaction.Type, interaction.Data?.Name);
            return new(
                Private(
                    "Something went wrong",
                    "That failed on our side and has been logged. Please try again in a moment."
                )
            );
        }
    }

    private Task<InteractionReply> CommandAsync(
        Interaction interaction,
        InteractionData data,
        CancellationToken cancellationToken
    )
    {
        var path = InteractionReader.ReadPath(data);
        if (path.Unreadable is [var first, ..])
            return Task.FromResult<InteractionReply>(
                new(
                    Private(
                        "That text can't be read",
                        $"The `{first}` option holds a broken character (half of an emoji or symbol): please type it again."
                    )
                )
            );
        var caller = InteractionReader.ReadCaller(interaction, admins.Value);
        var arguments = new Dictionary<string, string>(path.Arguments, StringComparer.OrdinalIgnoreCase);
        var requested = VisibilityRule.FromOption(arguments.GetValueOrDefault(VisibilityRule.OptionName));
        arguments.Remove(VisibilityRule.OptionName);
        var request = new CommandRequest(path.Command, path.Subcommand, arguments, caller);
        return WithinBudgetAsync(
            interaction,
            Task.Run(() => replies.ToCommand(request, requested), CancellationToken.None),
            // Whether a message is ephemeral is fixed by a defer: decide it as the answer will be decided.
            deferPrivately: replies.Predict(path.Command, caller, requested) == Visibility.Private,
            inPlace: false,
            cancellationToken
        );
    }

    /// <summary>
    /// A button: its id is checked before anything runs; what it opens is shown to the clicker alone, and a page
    /// turn on a message only they see edits that message in place.
    /// </summary>
    private Task<InteractionReply> ButtonAsync(
        Interaction interaction,
        InteractionData data,
        CancellationToken cancellationToken
    )
    {
        var ticket = tokens.Read(data.CustomId);
        if (ticket.Status == TicketStatus.Invalid)
            return Task.FromResult<InteractionReply>(
                new(Private("This button can't be used", ButtonNotes.Unreadable))
            );
        if (ticket.Status == TicketStatus.Expired)
            return Task.FromResult<InteractionReply>(
                new(Private("This button has expired", ButtonNotes.Expired(ticket.Command!)))
            );
        var caller = InteractionReader.ReadCaller(interaction, admins.Value);
        return WithinBudgetAsync(
            interaction,
            Task.Run(() => replies.ToButton(ticket.Command!, ticket.Page, caller), CancellationToken.None),
            deferPrivately: true,
            inPlace: ticket.TurnsPage && interaction.Message?.IsEphemeral == true,
            cancellationToken
        );
    }

    /// <summary>
    /// Discord's first-response deadline in one place: the reply itself when it is ready within the inline budget,
    /// otherwise a defer (ephemeral when the reply will be) and the reply delivered once Discord has it.
    /// </summary>
    private async Task<InteractionReply> WithinBudgetAsync(
        Interaction interaction,
        Task<Reply> work,
        bool deferPrivately,
        bool inPlace,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var reply = await work.WaitAsync(options.Value.InlineAnswerBudget, time, cancellationToken);
            // A file can't ride in the HTTP answer: defer, then send the message with its file over REST.
            if (reply.Answer.Image is not null)
                return new(
                    new InteractionResponse(
                        CallbackType.DeferredChannelMessage,
                        reply.IsPrivate ? DeferredData.Ephemeral : null
                    ),
                    ct => DeliverDeferredAsync(interaction, work, reply.IsPrivate, ct)
                );
            return new(
                inPlace
                    ? new InteractionResponse(CallbackType.UpdateMessage, Message(reply) with { Flags = null })
                    : new InteractionResponse(CallbackType.ChannelMessage, Message(reply))
            );
        }
        catch (TimeoutException)
        {
            // too slow for an inline answer: defer below and deliver the answer when it is ready
        }
        logger.LogInformation(
            "{Interaction} took longer than {Budget}; deferring",
            interaction.Data?.Name is { Length: > 0 } name ? "/" + name : "A button",
            options.Value.InlineAnswerBudget
        );
        return new(
            new InteractionResponse(
                CallbackType.DeferredChannelMessage,
                deferPrivately ? DeferredData.Ephemeral : null
            ),
            ct => DeliverDeferredAsync(interaction, work, deferPrivately, ct)
        );
    }

    /// <summary>
    /// Edits the answer into the deferred message, keeping its privacy. An answer that turned out private (an error,
    /// a refusal) under a public "thinking…" replaces it with a message only the asker sees.
    /// </summary>
    private async Task DeliverDeferredAsync(
        Interaction interaction,
        Task<Reply> work,
        bool deferredPrivately,
        CancellationToken cancellationToken
    )
    {
        var reply = await work;
        object message = Message(reply);
        if (reply.Answer.Image is { } image)
            message = new MultipartMessage(
                (MessagePayload)message with
                {
                    Attachments = [new AttachmentRef(0, image.FileName, TextCut.Truncate(image.Description, 1024))],
                },
                [(image.FileName, image.Png)]
            );
        var webhook = $"webhooks/{interaction.ApplicationId}/{interaction.Token}";
        RestResult result;
        if (reply.IsPrivate && !deferredPrivately)
        {
            await rest.SendAsync(HttpMethod.Delete, $"{webhook}/messages/@original", null, cancellationToken);
            result = await rest.SendAsync(HttpMethod.Post, webhook, message, cancellationToken);
        }
        else
            result = await rest.SendAsync(HttpMethod.Patch, $"{webhook}/messages/@original", message, cancellationToken);
        if (result.IsExpiredInteraction)
            logger.LogWarning(
                "The deferred answer to /{Command} came after its token expired; the user saw no answer",
                interaction.Data?.Name
            );
        else if (!result.IsSuccess)
            logger.LogWarning(
                "Delivering the deferred answer to /{Command} failed: {Result}",
                interaction.Data?.Name,
                result
            );
    }

    private MessagePayload Message(Reply reply) => Message(reply, tokens);

    /// <summary>The message a reply becomes on Discord: its embed, its privacy and its buttons.</summary>
    public static MessagePayload Message(Reply reply, ActionTokens tokens) =>
        EmbedRenderer.Message(reply.Answer, reply.Render) with
        {
            Flags = reply.IsPrivate ? MessagePayload.Ephemeral : null,
            Components = ComponentRenderer.Rows(ReplyButtons.For(reply, tokens)),
        };

    private InteractionResponse Autocomplete(Interaction interaction, InteractionData data)
    {
        var path = InteractionReader.ReadPath(data);
        var partial = path.Focused?.Text ?? "";
        var choices = resolver
            .Suggest(partial, new Audience(InteractionReader.ReadScope(interaction)), MaxChoices)
            .Select(m => new AutocompleteChoice(DiscordText.Truncate(m.Name, 100), DiscordText.Truncate(m.Id, 100)))
            .ToList();
        return new InteractionResponse(CallbackType.AutocompleteResult, new AutocompleteResult(choices));
    }

    public static InteractionResponse Private(string title, string text) =>
        new(
            CallbackType.ChannelMessage,
            EmbedRenderer.Message(Core.Answers.Answer.Message(AnswerKind.Refused, title, text)) with
            {
                Flags = MessagePayload.Ephemeral,
            }
        );
}
