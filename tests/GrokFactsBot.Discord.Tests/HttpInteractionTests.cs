using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrokFactsBot.Discord.Tests;

/// <summary>Signed interactions through the real program on Kestrel.</summary>
public sealed class HttpInteractionTests : IAsyncLifetime
{
    private readonly KnowledgeFolder _knowledge = TestKnowledge.Create();
    private readonly Signer _signer = new();
    private readonly SlowCommands _slow = new();
    private FakeDiscord _discord = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _app = new BotApp(
            _knowledge,
            _discord,
            new() { ["Discord:PublicKey"] = _signer.PublicKeyHex, ["Discord:Mode"] = "Http" },
            services => services.AddSingleton<ICommandHandler>(_slow)
        );
        _client = _app.Kestrel();
    }

    public async Task DisposeAsync()
    {
        _slow.Release.TrySetResult();
        _client.Dispose();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
        _knowledge.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(
        string json,
        bool sign = true,
        string? signature = null,
        string timestamp = "1732492800"
    )
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json");
        if (sign)
        {
            request.Headers.Add("X-Signature-Ed25519", signature ?? _signer.Sign(timestamp, body));
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }
        return await _client.SendAsync(request);
    }

    private static string Command(string name, string options, string permissions = "0") =>
        $$$"""
            {"id":"900","application_id":"111222333","type":2,"token":"tok-{{{name}}}","version":1,"guild_id":"42","channel_id":"7",
             "member":{"user":{"id":"555","username":"ada"},"permissions":"{{{permissions}}}"},
             "data":{"id":"1","name":"{{{name}}}","type":1,"options":[{{{options}}}]}}
            """;

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Half_a_surrogate_pair_in_an_option_gets_a_clear_private_reply()
    {
        // Valid JSON, but "\ud800" alone is no character: reading it as a string throws.
        using var response = await PostAsync(Command("params", """{"name":"model","type":3,"value":"grok\ud800"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(4, (int)json["type"]!);
        Assert.Equal(64, (int)json["data"]!["flags"]!);
        // Before, it was the catch-all "Something went wrong" and a logged stack trace.
        Assert.Contains("option holds a broken character", json["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Ping_gets_pong()
    {
        using var response = await PostAsync(
            """{"id":"1","application_id":"111222333","type":1,"token":"t","version":1}"""
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await JsonAsync(response))["type"]!);
    }

    [Fact]
    public async Task Unsigned_request_gets_401()
    {
        using var response = await PostAsync("""{"type":1}""", sign: false);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrongly_signed_request_gets_401()
    {
        using var response = await PostAsync("""{"type":1}""", signature: new string('a', 128));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_with_valid_signature_gets_400()
    {
        using var response = await PostAsync("""{"type":1,""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_gets_413()
    {
        using var response = await PostAsync("{\"type\":1,\"pad\":\"" + new string('x', 70_000) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Params_command_answers_inline_with_cited_disputed_embed()
    {
        using var response = await PostAsync(Command("params", """{"name":"model","type":3,"value":"grok1"}"""));
        var json = await JsonAsync(response);
        Assert.Equal(4, (int)json["type"]!);
        var data = json["data"]!;
        Assert.Empty(data["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(data["flags"]);
        var embed = data["embeds"]![0]!;
        var description = (string)embed["description"]!;
        Assert.StartsWith("**Grok-1: ", description, StringComparison.Ordinal);
        Assert.Contains("sources disagree", description.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("(https://x.ai/news/grok-os)", description, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", embed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_model_is_an_ephemeral_answer()
    {
        using var response = await PostAsync(Command("params", """{"name":"model","type":3,"value":"zzqqxx-99"}"""));
        var json = await JsonAsync(response);
        Assert.Equal(4, (int)json["type"]!);
        Assert.Equal(64, (int)json["data"]!["flags"]!);
    }

    [Fact]
    public async Task Autocomplete_offers_matching_models()
    {
        using var response = await PostAsync(
            """
            {"id":"901","application_id":"111222333","type":4,"token":"t","version":1,"guild_id":"42",
             "member":{"user":{"id":"555"},"permissions":"0"},
             "data":{"id":"1","name":"params","type":1,"options":[{"name":"model","type":3,"value":"gro","focused":true}]}}
            """
        );
        var json = await JsonAsync(response);
        Assert.Equal(8, (int)json["type"]!);
        var choice = Assert.Single(json["data"]!["choices"]!.AsArray());
        Assert.Equal("grok-1", (string)choice!["value"]!);
    }

    [Fact]
    public async Task Slow_command_defers_then_edits_the_original_message()
    {
        using var response = await PostAsync(Command("slow", ""));
        Assert.Equal(5, (int)(await JsonAsync(response))["type"]!);

        _slow.Release.SetResult();
        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal("/webhooks/111222333/tok-slow/messages/@original", edit.Path);
        Assert.Equal("Slow answer", (string)edit.Json["embeds"]![0]!["title"]!);
        Assert.Empty(edit.Json["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task A_deferred_answer_still_being_worked_on_at_SIGTERM_is_edited_in_before_the_bot_stops()
    {
        using var response = await PostAsync(Command("slow", ""));
        Assert.Equal(5, (int)(await JsonAsync(response))["type"]!);
        // The answer is ready only once shutdown has begun, as with a slow platform when SIGTERM arrives.
        _app.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.Register(() => _slow.Release.TrySetResult());

        await _app.Services.GetRequiredService<IHost>().StopAsync();

        var edit = Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.Equal("/webhooks/111222333/tok-slow/messages/@original", edit.Path);
        Assert.Equal("Slow answer", (string)edit.Json["embeds"]![0]!["title"]!);
    }

    [Fact]
    public async Task A_slow_private_question_defers_ephemerally_and_keeps_the_flag_on_the_edit()
    {
        using var response = await PostAsync(Command("slow", """{"name":"private","type":5,"value":true}"""));
        var defer = await JsonAsync(response);
        Assert.Equal(5, (int)defer["type"]!);
        Assert.Equal(64, (int)defer["data"]!["flags"]!);

        _slow.Release.SetResult();
        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal(64, (int)edit.Json["flags"]!);
    }

    [Fact]
    public async Task A_slow_error_under_a_public_defer_is_replaced_by_a_private_message()
    {
        using var response = await PostAsync(Command("slowfail", ""));
        var defer = await JsonAsync(response);
        Assert.Equal(5, (int)defer["type"]!);
        Assert.Null(defer["data"]);

        _slow.Release.SetResult();
        var followUp = await _discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("/webhooks/"));
        Assert.Equal("/webhooks/111222333/tok-slowfail", followUp.Path);
        Assert.Equal(64, (int)followUp.Json["flags"]!);
        Assert.Equal("Not found", (string)followUp.Json["embeds"]![0]!["title"]!);
        var removed = Assert.Single(_discord.Requests, r => r.Method == "DELETE");
        Assert.Equal("/webhooks/111222333/tok-slowfail/messages/@original", removed.Path);
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Help_is_private_and_lists_only_what_the_caller_may_run()
    {
        using var response = await PostAsync(Command("help", ""));
        var json = await JsonAsync(response);
        Assert.Equal(64, (int)json["data"]!["flags"]!);
        var text = json["data"]!["embeds"]![0]!.ToJsonString();
        Assert.Contains("params", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fact add", text, StringComparison.Ordinal);
        Assert.DoesNotContain("settings visibility", text, StringComparison.Ordinal);
    }
}
