using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Curation;

public sealed class CatalogAndImportTests
{
    private static readonly Caller Owner = Caller.Console("owner");

    [Fact]
    public void Model_add_in_text_is_the_catalog_command_and_the_new_model_answers_by_its_aliases()
    {
        using var bed = new CurationBed();
        bed.Import();

        var reply = bed.Run("model add \"V9-Medium\" \"Acme Labs\" v9m, v9 medium", Owner);
        bed.Run("model alias v9m acme-nine", Owner);

        Assert.Equal("Added model V9-Medium", reply.Title);
        Assert.Equal("V9-Medium", bed.Run("model v9 medium", Owner).Title);
        Assert.Equal("V9-Medium", bed.Run("model acme-nine", Owner).Title);
        Assert.Equal(AnswerKind.Usage, bed.Run("model add Grok-1 xAI", Owner).Kind);
        Assert.Equal("Grok-1", bed.Run("model grok-1", Owner).Title);
    }

    [Fact]
    public void A_server_admin_adds_a_local_model_and_may_not_alias_a_shared_one()
    {
        using var bed = new CurationBed();
        bed.Import();
        var mod = Callers.ServerAdmin(Platform.Discord, "A");

        bed.Run("catalog add V9-Medium Acme", mod);
        var aliasShared = bed.Run("catalog alias grok-1 \"the big one\"", mod);

        Assert.Equal("V9-Medium", bed.Run("model v9-medium", Callers.Member(Platform.Discord, "A")).Title);
        Assert.Equal(AnswerKind.NotFound, bed.Run("model v9-medium", Callers.Member(Platform.Discord, "B")).Kind);
        Assert.Equal(AnswerKind.Refused, aliasShared.Kind);
        Assert.Contains("global bot admin", aliasShared.Headline);
    }

    [Fact]
    public void Chat_ranks_and_aliases_on_file_rows_survive_a_reimport_of_the_changed_file()
    {
        using var bed = new CurationBed();
        bed.Import();
        var license = bed.Store.ClaimsFor("grok-1").First(c => c.Attribute == ModelAttribute.License);
        bed.Run($"fact retract {license.Id} wrong repo", Owner);
        bed.Run($"fact dispute {license.Id} the model card disagrees", Owner);
        bed.Run("model alias grok-1 \"old faithful\"", Owner);
        bed.Run("fact add grok-1 context_length 8192 https://example.com/specs", Owner);

        bed.Write("models.yaml", SampleKnowledge.Yaml + "\n# edited\n");
        var result = bed.Import();

        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains("models.yaml", result.FilesChanged);
        var after = bed.Store.FindClaim(license.Id)!;
        Assert.Equal(
            (Rank.Deprecated, "wrong repo", "the model card disagrees"),
            (after.Rank, after.RankReason, after.DisputeReason)
        );
        Assert.Equal("Grok-1", bed.Run("model old faithful", Owner).Title);
        Assert.Contains(
            bed.Store.ClaimsFor("grok-1"),
            c => c.Origin == Origin.Chat && c.Attribute == ModelAttribute.ContextLength
        );
    }
}
