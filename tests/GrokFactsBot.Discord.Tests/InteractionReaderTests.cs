using System.Text.Json;
using GrokFactsBot.Core.Admin;
using GrokFactsBot.Discord.Interactions;

namespace GrokFactsBot.Discord.Tests;

public sealed class InteractionReaderTests
{
    private static Interaction Parse(string json) =>
        JsonSerializer.Deserialize<Interaction>(json, DiscordJson.Options)!;

    [Fact]
    public void Plain_command_options_become_arguments()
    {
        var path = InteractionReader.ReadPath(
            Parse(
                """{"id":"1","application_id":"2","type":2,"token":"t","data":{"name":"compare","options":[{"name":"a","type":3,"value":"grok-1"},{"name":"b","type":3,"value":"llama"}]}}"""
            ).Data!
        );
        Assert.Equal(("compare", (string?)null), (path.Command, path.Subcommand));
        Assert.Equal("grok-1", path.Arguments["a"]);
        Assert.Equal("llama", path.Arguments["b"]);
    }

    [Fact]
    public void Subcommand_and_group_paths_are_followed_to_the_arguments()
    {
        var sub = InteractionReader.ReadPath(
            Parse(
                """{"id":"1","application_id":"2","type":2,"token":"t","data":{"name":"subscribe","options":[{"name":"add","type":1,"options":[{"name":"model","type":3,"value":"grok"},{"name":"n","type":4,"value":5}]}]}}"""
            ).Data!
        );
        Assert.Equal("add", sub.Subcommand);
        Assert.Equal("grok", sub.Arguments["model"]);
        Assert.Equal("5", sub.Arguments["n"]);
        var group = InteractionReader.ReadPath(
            Parse(
                """{"id":"1","application_id":"2","type":2,"token":"t","data":{"name":"fact","options":[{"name":"admin","type":2,"options":[{"name":"add","type":1,"options":[]}]}]}}"""
            ).Data!
        );
        Assert.Equal("admin add", group.Subcommand);
        Assert.Empty(group.Arguments);
    }

    [Fact]
    public void Focused_option_is_found_for_autocomplete()
    {
        var path = InteractionReader.ReadPath(
            Parse(
                """{"id":"1","application_id":"2","type":4,"token":"t","data":{"name":"compare","options":[{"name":"a","type":3,"value":"grok-1"},{"name":"b","type":3,"value":"lla","focused":true}]}}"""
            ).Data!
        );
        Assert.Equal("b", path.Focused!.Name);
        Assert.Equal("lla", path.Focused.Text);
    }

    [Theory]
    [InlineData("0", false, false)]
    [InlineData("32", true, false)]
    [InlineData("16", false, true)]
    [InlineData("8", true, true)]
    [InlineData("2251799813685247", true, true)]
    [InlineData("garbage", false, false)]
    [InlineData("-8", false, false)]
    public void Member_permissions_map_to_server_admin_and_channel_management(
        string permissions,
        bool isServerAdmin,
        bool canManageChannels
    )
    {
        var caller = InteractionReader.ReadCaller(
            Parse(
                $$$"""{"id":"1","application_id":"2","type":2,"token":"t","guild_id":"42","member":{"user":{"id":"9"},"permissions":"{{{permissions}}}"}}"""
            ),
            new AdminOptions()
        );
        Assert.Equal((isServerAdmin, canManageChannels), (caller.IsServerAdmin, caller.CanManageChannels));
        Assert.Equal("discord:42", caller.Scope);
        Assert.Equal("discord:9", caller.UserId);
    }

    [Fact]
    public void Direct_message_caller_has_no_scope_and_global_admins_are_recognised()
    {
        var caller = InteractionReader.ReadCaller(
            Parse("""{"id":"1","application_id":"2","type":2,"token":"t","user":{"id":"77","username":"ada"}}"""),
            new AdminOptions { Users = ["discord:77"] }
        );
        Assert.Null(caller.Scope);
        Assert.True(caller.IsGlobalAdmin);
        Assert.False(caller.IsServerAdmin);
        Assert.Equal("ada", caller.DisplayName);
    }
}
