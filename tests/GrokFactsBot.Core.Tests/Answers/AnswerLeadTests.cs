using GrokFactsBot.Core.Answers;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Tests.Support;

namespace GrokFactsBot.Core.Tests.Answers;

/// <summary>
/// Line one, the confidence in words and the buttons of a facts answer, on a base that holds one of each kind of
/// evidence: a model card, a CEO's post, a count from the weights, a passed promise and a contradicting commentary.
/// </summary>
public sealed class AnswerLeadTests : IDisposable
{
    private const string Yaml = """
        sources:
          - { id: card, url: https://example.org/card, title: Model card, publisher: Lab (Hugging Face), published: 2025-03-01, retrieved: 2026-11-20, kind: primary }
          - { id: ceo, url: https://x.com/ceo/status/1, title: Post, publisher: Jane Doe (X), published: 2026-05-25, retrieved: 2026-10-01, kind: primary, basis: statement }
          - { id: counter, url: https://example.org/count, title: Counting the weights, publisher: Weights Watcher, kind: commentary, basis: counted }
          - { id: forum, url: https://example.org/forum, title: Hot take, publisher: Forum, kind: commentary }
          - { id: table, url: https://example.org/table, title: Model table, publisher: Open Table, kind: dataset }
        models:
          - id: alpha-1
            name: Alpha-1
            developer: Lab
            family: alpha
            aliases: [alpha 1]
            claims:
              - { attribute: total_parameters, value: 314B, source: card }
              - { attribute: active_parameters, value: ~86B, qualifier: approximate, source: counter }
              - { attribute: license, value: Apache-2.0, source: card }
              - { attribute: license, value: MIT, source: forum }
              - { attribute: open_weights_released, value: 2025-03-01, source: card }
          - id: alpha-2
            name: Alpha-2
            developer: Lab
            family: alpha
            claims:
              - { attribute: total_parameters, value: 1.5T, qualifier: approximate, source: ceo }
              - { attribute: api_available, value: 2026-06-01, source: card }
              - { attribute: open_weights_planned, value: Q1 2026, basis: promise, source: ceo }
          - id: omega-1
            name: Omega-1
            developer: Anthropic
            family: omega
            claims:
              - { attribute: context_length, value: 200000, source: table }
        """;

    private readonly KnowledgeFixture _kb = new(
        new Dictionary<string, string> { ["k.yaml"] = Yaml },
        clock: FixedClock.December2026
    );

    public AnswerLeadTests() => Assert.True(_kb.Import().Succeeded);

    [Fact]
    public void A_documented_size_leads_with_its_value_and_who_confirms_it()
    {
        var answer = _kb.Run("params alpha-1");
        Assert.Equal("Alpha-1: 314B total", answer.Lead!.Answer);
        Assert.Contains("≈86B active", answer.Lead.Context);
        Assert.Contains("confirmed by Lab", answer.Lead.Context);
    }

    [Fact]
    public void A_figure_counted_from_the_weights_reads_as_counted_and_approximate()
    {
        var active = _kb.Run("params alpha-1").Facts.Single(f => f.Label == "Active parameters");
        Assert.Equal("≈86B", active.Value);
        Assert.Equal("counted from the published weights by Weights Watcher (approximate)", active.Assessment);
        Assert.Equal(Confidence.Likely, active.Confidence);
    }

    [Fact]
    public void A_ceos_post_is_claimed_in_words_not_confirmed()
    {
        var total = _kb.Run("params alpha-2").Facts.Single(f => f.Label == "Total parameters");
        Assert.Equal(Confidence.Claimed, total.Confidence);
        Assert.Equal("Jane Doe said so on X; no Lab document gives it (approximate)", total.Assessment);
    }

    [Fact]
    public void A_datasets_value_says_where_it_is_recorded_in_plain_english()
    {
        var context = _kb.Run("context omega-1").Facts.Single(f => f.Label == "Context length");
        Assert.Equal("recorded in the Open Table dataset; not checked against Anthropic's own documents", context.Assessment);
    }

    [Fact]
    public void A_disputed_fact_says_so_in_line_one_with_who_outweighs_whom()
    {
        var answer = _kb.Run("license alpha-1");
        Assert.Equal("Alpha-1: Apache-2.0", answer.Lead!.Answer);
        Assert.Contains("⚠ one source says MIT (commentary; contradicted by Lab)", answer.Lead.Context);
        Assert.Contains(new AnswerAction("Why disputed?", "disputes alpha-1"), answer.Actions);
    }

    [Fact]
    public void A_passed_promise_without_the_event_is_overdue_not_planned()
    {
        var planned = _kb.Run("release alpha-2").Facts.Single(f => f.Label == "Open weights planned");
        Assert.Equal("Q1 2026 (promised; overdue)", planned.Value);
        Assert.Equal("overdue: promised by Jane Doe on X, not done as of 20 Nov 2026", planned.Assessment);
        Assert.NotEqual(Confidence.Likely, planned.Confidence);
    }

    [Fact]
    public void A_release_lead_says_overdue_once()
    {
        var lead = _kb.Run("release alpha-2").Lead!;

        Assert.Contains("open weights planned Q1 2026 (overdue)", lead.Context);
        Assert.Contains("promised by Jane Doe on X, not done as of 20 Nov 2026", lead.Context);
        Assert.Single(lead.Context, c => c.Contains("overdue", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_comes_from_the_dated_claims_as_of_the_newest_check()
    {
        var status = _kb.Run("release alpha-2").Facts.Single(f => f.Label == "Status");
        Assert.StartsWith("API since 1 Jun 2026 · no open weights (as of 20 Nov 2026)", status.Value);
        Assert.Contains("open weights since 1 Mar 2025", _kb.Run("release alpha-1").Facts[0].Value);
    }

    [Fact]
    public void An_undisputed_answer_offers_sources_and_the_full_card_but_no_dispute()
    {
        var actions = _kb.Run("params alpha-1").Actions;
        Assert.Equal(
            [new AnswerAction("Sources", "sources alpha-1"), new AnswerAction("Full card", "model alpha-1")],
            actions
        );
    }

    [Fact]
    public void A_card_leads_with_size_developer_status_and_license_and_no_summary()
    {
        var card = _kb.Run("model alpha 1");
        Assert.Equal("Alpha-1: 314B total", card.Lead!.Answer);
        Assert.Contains("by Lab", card.Lead.Context);
        Assert.Contains(card.Lead.Context, c => c.StartsWith("open weights since 1 Mar 2025"));
        Assert.DoesNotContain(card.Actions, a => a.Label == "Full card");
    }

    public void Dispose() => _kb.Dispose();
}
