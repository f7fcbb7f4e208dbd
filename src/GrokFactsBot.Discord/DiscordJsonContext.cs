using System.Text.Json;
using System.Text.Json.Serialization;
using GrokFactsBot.Discord.Commands;
using GrokFactsBot.Discord.Gateway;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord;

/// <summary>
/// Every shape the bot reads from or sends to Discord, serialized by code generated at compile time. A shape sent
/// as an <c>object</c> (an interaction response's data) is found here by its run-time type, so it must be listed.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(DeferredData))]
[JsonSerializable(typeof(AutocompleteResult))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayBot))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
