namespace GrokFactsBot.Discord.Tests.Fakes;

/// <summary>A small knowledge folder and database file in a temp directory: one model with a disputed parameter count.</summary>
public sealed class TestKnowledge : IDisposable
{
    public TestKnowledge()
    {
        Root = Directory.CreateTempSubdirectory("grokfacts-discord-").FullName;
        Directory.CreateDirectory(Path.Combine(Folder, "sources"));
        Directory.CreateDirectory(Path.Combine(Folder, "models"));
        File.WriteAllText(Path.Combine(Folder, "sources", "sources.yaml"), """
            sources:
              - id: xai-grok-os
                url: https://x.ai/news/grok-os
                title: Open Release of Grok-1
                publisher: xAI
                published: 2024-03-17
                retrieved: 2026-08-25
                kind: primary
              - id: shouty-blog
                url: https://example.com/grok-1-size
                title: "Grok-1 is *huge* @everyone"
                publisher: Shouty Blog
                published: 2024-03-18
                retrieved: 2026-08-25
                kind: primary
            """);
        File.WriteAllText(Path.Combine(Folder, "models", "xai.yaml"), """
            models:
              - id: grok-1
                name: Grok-1
                developer: xAI
                family: grok
                status: released
                status_as_of: 2026-08-25
                aliases: [grok1]
                claims:
                  - attribute: total_parameters
                    value: 314B
                    source: xai-grok-os
                    quote: "314 billion parameter Mixture-of-Experts model"
                  - attribute: total_parameters
                    value: 400B
                    source: shouty-blog
                    quote: "400 billion parameters"
                  - attribute: license
                    value: Apache-2.0
                    source: xai-grok-os
                    quote: "under the Apache 2.0 license"
            """);
    }

    public string Root { get; }

    public string Folder => Path.Combine(Root, "knowledge");

    public string DatabasePath => Path.Combine(Root, "test.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
