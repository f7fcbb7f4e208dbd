using GrokFactsBot.Core.Knowledge.Datasets;

namespace GrokFactsBot.Core.Tests.Knowledge.Datasets;

public class NameFormTests
{
    [Theory]
    [InlineData("GPT-4o (Aug 2024)", null, "gpt4o", "2024-08")]
    [InlineData("gpt-4o-2024-08-06", null, "gpt4o", "2024-08")]
    [InlineData("claude-3-5-sonnet-20241022", null, "claude35sonnet", "2024-10")]
    [InlineData("command-r-plus-08-2024", null, "commandrplus", "2024-08")]
    [InlineData("deepseek-r1-0528", "2025-05-28", "deepseekr1", "2025-05")]
    [InlineData("deepseek-v3-0324", "2025-03-25", "deepseekv3", "2025-03")]
    [InlineData("mistral-large-2-2407", "2024-07-24", "mistrallarge2", "2024-07")]
    [InlineData("qwen3-235b-a22b-instruct-2507", "2025-07-21", "qwen3235ba22binstruct", "2025-07")]
    [InlineData("deepseek-r1-0528", null, "deepseekr10528", null)]
    [InlineData("kimi-k2-0905", "2024-01-10", "kimik20905", null)]
    [InlineData("Llama 3.1 405B", null, "llama31405b", null)]
    [InlineData("Claude Haiku 4.5 (latest)", null, "claudehaiku45", null)]
    [InlineData("Llama 4 Behemoth (preview)", null, "llama4behemoth", null)]
    public void A_checkpoint_date_in_a_name_is_read_only_when_it_is_unambiguous(
        string name,
        string? rowDate,
        string baseKey,
        string? month
    )
    {
        var form = NameForms.Parse(name, rowDate is null ? null : DateOnly.Parse(rowDate));
        Assert.Equal(baseKey, form.BaseKey);
        Assert.Equal(month, form.Tag is { } tag ? $"{tag / 12:0000}-{tag % 12 + 1:00}" : null);
    }

    [Theory]
    [InlineData("gemma-3-27b-it", "gemma327b")]
    [InlineData("Llama 3.3 70B Instruct", "llama3370b")]
    [InlineData("Llama 3.1 Nemotron Ultra 253B v1", "llama31nemotronultra253b")]
    [InlineData("Mistral Small 3 24B Base", "mistralsmall324bbase")]
    [InlineData("Kimi K2 Thinking", "kimik2thinking")]
    [InlineData("o1-preview", "o1preview")]
    public void Only_instruct_and_first_version_suffixes_are_set_aside(string name, string loose) =>
        Assert.Equal(loose, NameForms.Parse(name, null).LooseKey);

    [Theory]
    [InlineData("Alibaba Cloud / Qwen Team", "Alibaba (Qwen team)", true)]
    [InlineData("Google DeepMind", "google", true)]
    [InlineData("Xiaomi Corp", "Xiaomi", true)]
    [InlineData("Z.ai (Zhipu AI),Tsinghua University", "zai-org", true)]
    [InlineData("Meta AI", "Meta", true)]
    [InlineData("Ai2", "AI21 Labs", false)]
    [InlineData("Meta AI", "Mistral AI", false)]
    [InlineData("unknown", "OpenAI", true)]
    public void Makers_match_across_the_ways_datasets_write_them(string a, string b, bool compatible) =>
        Assert.Equal(compatible, Developers.Compatible(Developers.Keys([a]), Developers.Keys([b])));
}
