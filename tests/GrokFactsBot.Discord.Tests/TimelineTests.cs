using System.Text.Json.Nodes;
using GrokFactsBot.Discord.Tests.Fakes;

namespace GrokFactsBot.Discord.Tests;

/// <summary>/timeline posts its chart: a defer, then the message with the PNG as a multipart attachment.</summary>
public sealed class TimelineTests : IAsyncLifetime
{
    private static readonly GuildMember Member = new("42", "7", "555");
    private readonly KnowledgeFolder _knowledge = TestKnowledge
        .Create()
        .WithFile("dated.yaml", TimelineKnowledge.Yaml)
        .WithFile("shared-address.yaml", TimelineKnowledge.SharedAddress)
        .WithFile("api-by.yaml", TimelineKnowledge.ApiByDate);
    private readonly Signer _signer = new();
    private FakeDiscord _discord = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _app = new BotApp(_knowledge, _discord, new() { ["Discord:PublicKey"] = _signer.PublicKeyHex });
        _client = _app.Kestrel();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task Timeline_xai_posts_a_png_attachment_shown_in_the_embed()
    {
        using var response = await _client.SendAsync(
            DiscordInteraction.Signed(_signer, DiscordInteraction.Command(Member, "timeline", null, ("which", "xai")))
        );
        var defer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(5, (int)defer["type"]!);
        Assert.Null(defer["data"]);

        var edit = await _discord.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.StartsWith("multipart/form-data", edit.Headers["Content-Type"], StringComparison.Ordinal);
        var file = Assert.Single(edit.Files);
        Assert.Equal(("files[0]", "timeline-xai.png", "image/png"), (file.Field, file.FileName, file.ContentType));
        Assert.True(file.IsPng);
        var attachment = edit.Json["attachments"]![0]!;
        Assert.Equal((0, "timeline-xai.png"), ((int)attachment["id"]!, (string)attachment["filename"]!));
        var embed = edit.Json["embeds"]![0]!;
        Assert.Equal("attachment://timeline-xai.png", (string)embed["image"]!["url"]!);
        Assert.StartsWith("**Timeline of xAI: 4 models", (string)embed["description"]!, StringComparison.Ordinal);
        // Placed at its announcement, not at the start of time before "by July 2026".
        Assert.Contains(" · 2025–2026 · ", (string)embed["description"]!, StringComparison.Ordinal);
        Assert.Empty(edit.Json["allowed_mentions"]!["parse"]!.AsArray());
    }
}
