using GrokFactsBot.Tests.Support;

namespace GrokFactsBot.Tests;

/// <summary>The built program, run as a process the way a user or a supervisor runs it.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private Dictionary<string, string> Settings(string? knowledge = null) =>
        new()
        {
            ["Knowledge__Directory"] = knowledge ?? TestPaths.TestKnowledge,
            ["Storage__DatabasePath"] = _temp.Combine("grokfacts.db"),
        };

    [Fact]
    public async Task Ask_answers_once_with_cited_sources_and_exits_0()
    {
        await using var bot = await BotProcess.RunAsync(["ask", "params grok-1"], Settings());

        Assert.Equal(0, bot.ExitCode);
        var lines = bot.Output.Split('\n');
        Assert.StartsWith("Grok-1: 314B total · ", lines[0], StringComparison.Ordinal);
        Assert.Contains("⚠", lines[0], StringComparison.Ordinal);
        Assert.Contains("  Sources: xAI, 17 Mar 2024", bot.Output);
        Assert.Contains("  More: `sources grok-1` · `disputes grok-1` · `model grok-1 full`", bot.Output);
    }

    [Fact]
    public async Task Settings_beside_the_binary_apply_whatever_folder_it_is_started_from()
    {
        await using var bot = await BotProcess.RunAsync(
            [],
            Settings(),
            "/params grok-1\n",
            workingDirectory: _temp.Path
        );

        Assert.Equal(0, bot.ExitCode);
        Assert.StartsWith("Grok-1: 314B total", bot.Output, StringComparison.Ordinal);
        // appsettings.json quiets Microsoft.Hosting.Lifetime (and ASP.NET Core's log line per request) to warnings.
        Assert.DoesNotContain("Content root path", bot.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_with_full_gives_the_whole_answer_with_numbered_sources()
    {
        await using var bot = await BotProcess.RunAsync(["ask", "params grok-1 full"], Settings());

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("[1] xAI, \"Open Release of Grok-1\"", bot.Output);
        Assert.Contains("Sources disagree", bot.Output);
    }

    [Fact]
    public async Task Render_prints_what_discord_and_slack_receive_one_json_line_per_command()
    {
        await using var bot = await BotProcess.RunAsync(["render", "params grok-1", "license grok-1"], Settings());

        Assert.Equal(0, bot.ExitCode);
        var lines = bot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var first = System.Text.Json.Nodes.JsonNode.Parse(lines[0])!;
        Assert.Equal("params grok-1", (string)first["command"]!);
        Assert.StartsWith("**Grok-1: 314B total", (string)first["discord"]!["embeds"]![0]!["description"]!, StringComparison.Ordinal);
        Assert.Equal("Sources", (string)first["discord"]!["components"]![0]!["components"]![0]!["label"]!);
        Assert.Equal("in_channel", (string)first["slack"]!["response_type"]!);
        Assert.StartsWith("*Grok-1: 314B total", (string)first["slack"]!["blocks"]![0]!["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_without_text_is_a_usage_error_exit_2()
    {
        await using var bot = await BotProcess.RunAsync(["ask"], Settings());

        Assert.Equal(2, bot.ExitCode);
        Assert.Contains("usage: ask", bot.Error);
        Assert.Equal("", bot.Output);
    }

    [Fact]
    public async Task Local_chat_answers_piped_lines_and_exits_0_at_end_of_input()
    {
        await using var bot = await BotProcess.RunAsync([], Settings(), "/params grok-1\nlicense grok1\nlicnse grok-1\n");

        Assert.Equal(0, bot.ExitCode);
        Assert.StartsWith("Grok-1: 314B total", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Grok-1: Apache-2.0", bot.Output);
        Assert.Contains("Did you mean `license`?", bot.Output);
        Assert.DoesNotContain(LocalChat.LocalChatService.Prompt, bot.Output);
    }

    [Fact]
    public async Task Local_chat_with_input_already_at_its_end_stops_cleanly()
    {
        await using var bot = await BotProcess.RunAsync([], Settings(), input: "");

        Assert.Equal(0, bot.ExitCode);
        Assert.DoesNotContain("fail:", bot.Error);
        Assert.DoesNotContain("Exception", bot.Error);
        Assert.Contains("GrokFactsBot stopped", bot.Error);
    }

    [Fact]
    public async Task Local_chat_needs_no_fixed_port_and_answers_while_8080_is_taken()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 8080);
        try
        {
            taken.Start();
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Something else already holds 8080: the port is just as taken.
        }

        // Input ends only after the bot listens: a chat that ends first would stop the host before it said where.
        await using var bot = BotProcess.Start([], Settings(), unset: ["Urls"]);
        Assert.DoesNotContain(":8080", await bot.Listening);
        await bot.SendLineAsync("params grok-1");
        bot.CloseInput();
        await bot.WaitForExitAsync();

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Grok-1: 314B total", bot.Output);
    }

    [Fact]
    public async Task A_piped_admin_script_sees_the_update_its_fact_raised_before_the_chat_ends()
    {
        await using var bot = await BotProcess.RunAsync(
            [],
            Settings(),
            "subscribe kind:license\nfact add grok-1 license MIT https://example.com/grok-1-mit \"MIT, says this page\"\n"
        );

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Subscribed", bot.Output);
        var update = bot.Output[bot.Output.IndexOf("[update ", StringComparison.Ordinal)..];
        Assert.Contains("MIT", update);
        Assert.Contains("https://example.com/grok-1-mit", update);
    }

    [Fact]
    public async Task Import_check_on_a_bad_file_lists_file_line_problems_exits_1_and_leaves_the_database_as_it_was()
    {
        await using (var first = await BotProcess.RunAsync(["import"], Settings()))
            Assert.Equal(0, first.ExitCode);
        var before = await File.ReadAllBytesAsync(_temp.Combine("grokfacts.db"));

        await using var bot = await BotProcess.RunAsync(["import", "--check"], Settings(TestPaths.BadKnowledge));

        Assert.Equal(1, bot.ExitCode);
        Assert.Contains("broken.yaml:3: url 'not a url' must be an absolute http(s) URL", bot.Error);
        Assert.Contains("broken.yaml:16: total_parameters: 'lots' is not a parameter count", bot.Error);
        Assert.DoesNotContain("   at ", bot.Error);
        Assert.Equal(before, await File.ReadAllBytesAsync(_temp.Combine("grokfacts.db")));
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_with_one_message_naming_it()
    {
        var settings = Settings();
        settings["Storage__DatabasePath"] = " ";

        await using var bot = await BotProcess.RunAsync(["ask", "params grok-1"], settings);

        Assert.Equal(1, bot.ExitCode);
        Assert.Equal(
            "Configuration problem: Storage:DatabasePath is empty; set it to a file path such as data/grokfacts.db",
            bot.Error.Trim()
        );
    }

    [Fact]
    public async Task A_second_bot_on_the_same_database_fails_fast_and_the_first_stops_cleanly_on_SIGTERM()
    {
        await using var service = BotProcess.Start([], Settings());
        await service.Listening;

        await using var second = await BotProcess.RunAsync(["ask", "params grok-1"], Settings());
        Assert.Equal(1, second.ExitCode);
        Assert.Contains(
            $"The database file {_temp.Combine("grokfacts.db")} is in use by another running GrokFactsBot",
            second.Error
        );
        Assert.DoesNotContain("   at ", second.Error);

        await service.TerminateAsync();
        Assert.Equal(0, service.ExitCode);
        Assert.Contains("GrokFactsBot stopping", service.Error);
        Assert.Contains("GrokFactsBot stopped", service.Error);
    }

    public void Dispose() => _temp.Dispose();
}
