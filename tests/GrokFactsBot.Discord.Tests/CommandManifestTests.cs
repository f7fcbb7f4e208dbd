using System.Text.Json;
using GrokFactsBot.Core.Commands;
using GrokFactsBot.Discord.Commands;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Tests;

public sealed class CommandManifestTests
{
    private static readonly CommandDefinition Params = new(
        "params",
        "Parameter count",
        [new("model", "A model", OptionKind.Model, Autocomplete: true)]
    );

    private static readonly CommandDefinition Subscribe = new(
        "subscribe",
        "Updates in this channel",
        [],
        Permission.ManageChannels,
        [
            new(
                "add",
                "Follow a model",
                [new("model", "A model", OptionKind.Model, Autocomplete: true), new("note", "Why", Required: false)],
                Permission.ManageChannels
            ),
            new("list", "What this channel follows", [], Permission.Everyone),
        ]
    );

    [Fact]
    public void Model_options_are_autocompleted_strings_and_global_commands_get_contexts()
    {
        var json = JsonSerializer.Serialize(CommandManifest.Build([Params], forGuild: false), DiscordJson.Options);
        Assert.Equal(
            """[{"name":"params","description":"Parameter count","options":[{"type":3,"name":"model","description":"A model","required":true,"autocomplete":true},{"type":5,"name":"private","description":"Show the answer only to you"}],"contexts":[0,1,2],"integration_types":[0],"type":1}]""",
            json
        );
    }

    [Fact]
    public void Guild_commands_carry_no_contexts()
    {
        var command = Assert.Single(CommandManifest.Build([Params], forGuild: true));
        Assert.Null(command.Contexts);
        Assert.Null(command.IntegrationTypes);
    }

    [Fact]
    public void Subcommands_become_type_1_options_and_the_least_permission_shows_the_command()
    {
        var command = Assert.Single(CommandManifest.Build([Subscribe], forGuild: false));
        Assert.Equal([1, 1], command.Options!.Select(o => o.Type));
        Assert.Null(command.DefaultMemberPermissions);
        Assert.Equal([true, null], command.Options![0].Options!.Select(o => o.Required));
    }

    [Theory]
    [InlineData(Permission.Everyone, null)]
    [InlineData(Permission.ManageChannels, "16")]
    [InlineData(Permission.ServerAdmin, "32")]
    [InlineData(Permission.GlobalAdmin, "32")]
    public void Permissions_map_to_default_member_permissions(Permission permission, string? expected) =>
        Assert.Equal(expected, CommandManifest.PermissionsFor(Params with { Permission = permission }));

    [Theory]
    [InlineData("Params", "params")]
    [InlineData("fact-add", "fact-add")]
    public void Names_are_lowercased(string name, string expected) =>
        Assert.Equal(expected, CommandManifest.Name(name));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a-name-that-is-far-too-long-for-discord")]
    public void Invalid_names_are_refused_with_a_reason(string name) =>
        Assert.Contains(
            "not a valid Discord",
            Assert.Throws<ArgumentException>(() => CommandManifest.Name(name)).Message,
            StringComparison.Ordinal
        );

    [Fact]
    public void Changes_list_added_updated_and_removed_names()
    {
        var before = CommandManifest.Build(
            [Params with { Description = "old" }, new CommandDefinition("gone", "Removed", [])],
            forGuild: false
        );
        var after = CommandManifest.Build([Params, Subscribe], forGuild: false);
        var text = CommandChanges.Describe(before, after, "globally");
        Assert.Equal(
            "Registered 2 commands globally.\n  added: subscribe\n  updated: params\n  removed: gone\n  unchanged: 0",
            text
        );
    }
}
