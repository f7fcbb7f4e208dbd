using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Knowledge;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Support;
using GrokFactsBot.Core.Values;
using R = GrokFactsBot.Core.Resolution.Resolution;

namespace GrokFactsBot.Core.Tests.Knowledge;

public class ImportTests
{
    [Fact]
    public void A_good_folder_imports_every_model_source_and_claim()
    {
        using var kb = new KnowledgeFixture();
        var result = kb.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(4, result.Models);
        Assert.Equal(6, result.Sources);
        Assert.Equal(11, result.Claims);
        Assert.Equal(11, result.NewClaims.Count);
        Assert.Equal(
            "314B",
            Assert.Single(kb.Store.ClaimsFor("grok-1"), c => c.Attribute == ModelAttribute.TotalParameters).Value.Text
        );
    }

    [Fact]
    public void Importing_an_unchanged_folder_again_changes_nothing()
    {
        using var kb = new KnowledgeFixture();
        kb.Import();
        var version = kb.Store.Version;
        var again = kb.Import();
        Assert.True(again.Succeeded);
        Assert.Empty(again.FilesChanged);
        Assert.Empty(again.NewClaims);
        Assert.Equal(version, kb.Store.Version);
    }

    [Fact]
    public void A_changed_file_replaces_what_it_owns_and_keeps_the_ids_of_unchanged_claims()
    {
        using var kb = new KnowledgeFixture();
        kb.Import();
        var kept = kb.Store.ClaimsFor("grok-1").Single(c => c.Attribute == ModelAttribute.License).Id;
        kb.Write(
            "models.yaml",
            SampleKnowledge.Yaml.Replace(
                "value: 314B\n        source: xai-grok-os",
                "value: 314 billion\n        source: xai-grok-os"
            )
        );
        var result = kb.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["models.yaml"], result.FilesChanged);
        var claims = kb.Store.ClaimsFor("grok-1");
        Assert.Contains(claims, c => c.Value.Text == "314 billion");
        Assert.DoesNotContain(claims, c => c.Value.Text == "314B");
        Assert.Contains(kb.Store.ClaimsFor("grok-2"), c => c.Value.Text == "314B");
        Assert.Contains(claims, c => c.Id == kept);
        Assert.Single(result.NewClaims);
    }

    [Fact]
    public void A_changed_files_new_model_source_and_claims_reach_answers_together_in_one_published_snapshot()
    {
        using var kb = new KnowledgeFixture();
        kb.Import();
        Assert.Contains(kb.Store.ClaimsWithSources("grok-1"), c => c.Claim.Value.Text == "314B"); // snapshot built
        var version = kb.Store.Version;
        kb.Write(
            "models.yaml",
            SampleKnowledge
                .Yaml.Replace("value: 314B\n        source: xai-grok-os", "value: 314 billion\n        source: xai-grok-os")
                .Replace(
                    "models:\n",
                    """
                      - id: grok-blog
                        url: https://example.org/grok-3
                        title: Grok 3 notes
                        publisher: Example
                        published: 2026-02-18
                        kind: secondary
                    models:
                      - id: grok-3
                        name: Grok 3
                        developer: xAI
                        status: released
                        claims:
                          - attribute: context_length
                            value: "131072"
                            source: grok-blog

                    """
                )
        );

        Assert.True(kb.Import() is { Succeeded: true }, "import failed");

        Assert.Equal(version + 1, kb.Store.Version);
        var grok1 = kb.Store.ClaimsWithSources("grok-1").Select(c => c.Claim.Value.Text).ToList();
        Assert.Contains("314 billion", grok1);
        Assert.DoesNotContain("314B", grok1);
        var grok3 = Assert.Single(kb.Store.ClaimsWithSources("grok-3"));
        Assert.Equal(("131072", "Grok 3 notes"), (grok3.Claim.Value.Text, grok3.Source.Title));
        Assert.Equal("grok-3", Assert.IsType<R.Found>(kb.Resolve("grok 3")).Model.Id);
    }

    [Fact]
    public void Facts_added_from_chat_survive_an_import_of_a_changed_file()
    {
        using var kb = new KnowledgeFixture();
        kb.Import();
        var chat = new Claim(
            "chat01",
            "grok-1",
            ModelAttribute.ContextLength,
            new TextValue("8192") with
            { },
            Qualifier.Exact,
            "xai-grok-os",
            null,
            Rank.Normal,
            null,
            null,
            "discord:1",
            DateTimeOffset.UnixEpoch,
            Origin.Chat
        );
        kb.Store.Upsert(chat with { Value = ValueParser.ParseStored(ModelAttribute.ContextLength, "8192") });
        kb.Write(
            "models.yaml",
            SampleKnowledge
                .Yaml.Replace("kind: primary\n  - id: hf-grok-2", "kind: primary\n  - id: hf-grok-2")
                .Replace("Open Release of Grok-1", "Open Release of Grok-1 (updated)")
        );
        Assert.True(kb.Import().Succeeded);
        Assert.NotNull(kb.Store.FindClaim("chat01"));
        Assert.Equal("Open Release of Grok-1 (updated)", kb.Store.FindSource("xai-grok-os")!.Title);
    }

    [Fact]
    public void A_file_claim_whose_id_an_admins_claim_already_holds_gets_another_and_never_overwrites_it()
    {
        using var kb = new KnowledgeFixture();
        var id = ClaimIds.ForFile("grok-1", ModelAttribute.TotalParameters, "xai-grok-os", "314B");
        var admins = new Claim(
            id,
            "grok-1",
            ModelAttribute.ContextLength,
            ValueParser.ParseStored(ModelAttribute.ContextLength, "8192"),
            Qualifier.Exact,
            "xai-grok-os",
            null,
            Rank.Normal,
            null,
            null,
            "discord:1",
            DateTimeOffset.UnixEpoch,
            Origin.Chat
        );
        kb.Store.Upsert(admins);

        Assert.True(kb.Import().Succeeded);

        Assert.Equal(admins, kb.Store.FindClaim(id));
        var fromFile = kb.Store.ClaimsFor("grok-1").Single(c => c.Attribute == ModelAttribute.TotalParameters);
        Assert.NotEqual(id, fromFile.Id);
        Assert.Equal(
            ClaimIds.ForFile("grok-1", ModelAttribute.TotalParameters, "xai-grok-os", "314B", attempt: 1),
            fromFile.Id
        );
    }

    [Fact]
    public void A_bad_file_lists_every_problem_with_file_and_line_and_leaves_the_database_as_it_was()
    {
        using var kb = new KnowledgeFixture();
        kb.Import();
        var before = kb.Store.ClaimsFor("grok-2").Select(c => c.Id).Order().ToList();
        kb.Write(
            "models.yaml",
            SampleKnowledge.Yaml.Replace("value: 268B", "value: lots").Replace("source: ainet\n", "source: nowhere\n")
        );
        kb.Write(
            "extra.yaml",
            """
            models:
              - id: Bad Id
                name: x
                developer: y
                status: launched
                colour: blue
            """
        );

        var result = kb.Import();

        Assert.False(result.Succeeded);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("models.yaml:") && p.Contains("'lots' is not a parameter count"));
        Assert.Contains(
            problems,
            p => p.StartsWith("models.yaml:") && p.Contains("'nowhere', which no knowledge file defines")
        );
        Assert.Contains("extra.yaml:2: id 'Bad Id' may use only lowercase letters, digits, '.' and '-'", problems);
        Assert.Contains(problems, p => p.StartsWith("extra.yaml:5:") && p.Contains("'launched'"));
        Assert.Contains(problems, p => p.StartsWith("extra.yaml:6:") && p.Contains("unknown field 'colour'"));
        Assert.Equal(before, kb.Store.ClaimsFor("grok-2").Select(c => c.Id).Order().ToList());
        Assert.Equal(2, kb.Store.FindModelsByKey("grok2").Count + kb.Store.FindModelsByKey("grok1").Count);
    }

    [Fact]
    public void Line_numbers_point_at_the_offending_line()
    {
        using var kb = new KnowledgeFixture(
            new Dictionary<string, string>
            {
                ["a.yaml"] =
                    "sources:\n  - id: s\n    url: ftp://nope\n    title: t\n    publisher: p\n    kind: primary\n",
            }
        );
        var problem = Assert.Single(kb.Import().Problems);
        Assert.Equal("a.yaml:3: url 'ftp://nope' must be an absolute http(s) URL", problem.ToString());
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        using var kb = new KnowledgeFixture(
            new Dictionary<string, string> { ["a.yaml"] = "models:\n  - id: x\n    name: [unclosed\n" }
        );
        var problem = Assert.Single(kb.Import().Problems);
        Assert.Equal("a.yaml", problem.File);
        Assert.Contains("not valid YAML", problem.Message);
        Assert.True(problem.Line >= 3);
    }

    [Fact]
    public void Two_models_claiming_one_name_is_an_error()
    {
        using var kb = new KnowledgeFixture(
            new Dictionary<string, string>
            {
                ["a.yaml"] =
                    "models:\n  - id: a\n    name: A\n    developer: d\n    status: released\n    aliases: [shared]\n  - id: b\n    name: B\n    developer: d\n    status: released\n    aliases: [Shared]\n",
            }
        );
        var problem = Assert.Single(kb.Import().Problems);
        Assert.Equal("a.yaml:7: the name 'shared' of model 'b' already names model 'a' (a.yaml:2)", problem.ToString());
    }

    [Fact]
    public void Check_only_validates_without_writing()
    {
        using var kb = new KnowledgeFixture();
        var result = kb.Import(checkOnly: true);
        Assert.True(result.Succeeded);
        Assert.Equal(0, kb.Store.ModelCount);
    }

    [Fact]
    public void A_removed_file_takes_its_rows_with_it()
    {
        using var kb = new KnowledgeFixture(
            new Dictionary<string, string>
            {
                ["a.yaml"] = SampleKnowledge.Yaml,
                ["b.yaml"] = "models:\n  - id: solo\n    name: Solo\n    developer: d\n    status: rumoured\n",
            }
        );
        kb.Import();
        File.Delete(Path.Combine(kb.Directory, "b.yaml"));
        var result = kb.Import();
        Assert.Equal(["b.yaml"], result.FilesChanged);
        Assert.Null(kb.Store.FindModel("solo"));
        Assert.NotNull(kb.Store.FindModel("grok-1"));
    }

    [Fact]
    public void The_import_is_durable_in_a_real_database_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"grokfacts-{Guid.NewGuid():N}.db");
        try
        {
            using (var kb = new KnowledgeFixture(database: LiteDbFactory.OpenFile(path)))
                Assert.True(kb.Import().Succeeded);
            using var reopened = LiteDbFactory.OpenFile(path);
            Assert.Equal(4, new KnowledgeStore(reopened).ModelCount);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
