using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GrokFactsBot.Slack;

/// <summary>
/// Slack's JSON is built and read as <see cref="JsonObject"/>s; this gives the serializer their shape at compile time.
/// </summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
