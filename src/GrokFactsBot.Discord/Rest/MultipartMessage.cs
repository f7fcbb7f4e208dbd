using System.Net.Http.Headers;
using System.Text.Json;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Rest;

/// <summary>
/// A message with a file, as Discord takes it: multipart/form-data with the JSON in "payload_json" (its
/// <c>attachments</c> naming each file by id) and each file as "files[n]".
/// </summary>
public sealed record MultipartMessage(MessagePayload Payload, IReadOnlyList<(string FileName, byte[] Bytes)> Files)
{
    public HttpContent ToContent()
    {
        var content = new MultipartFormDataContent();
        var json = new StringContent(JsonSerializer.Serialize(Payload, DiscordJsonContext.Default.MessagePayload));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(json, "payload_json");
        for (var i = 0; i < Files.Count; i++)
        {
            var file = new ByteArrayContent(Files[i].Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, $"files[{i}]", Files[i].FileName);
        }
        return content;
    }
}
