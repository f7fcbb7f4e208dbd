using GrokFactsBot.Core.Commands;
using GrokFactsBot.Core.Domain;
using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Tests.Curation;
using GrokFactsBot.Core.Updates;
using GrokFactsBot.Core.Values;
using GrokFactsBot.Core.Watch.HuggingFace;
using GrokFactsBot.Testing.HuggingFace;
using Microsoft.Extensions.Configuration;

namespace GrokFactsBot.Core.Tests.Watch;

public sealed class HuggingFaceWatcherTests : IAsyncLifetime
{
    private static readonly FakeRepo Grok1 = new("xai-org/grok-1", new(2024, 3, 17, 12, 0, 0, TimeSpan.Zero), 316_000_000_000);
    private static readonly FakeRepo Llama405 = new(
        "meta-llama/Llama-3.1-405B",
        new(2024, 7, 16, 0, 0, 0, TimeSpan.Zero),
        405_853_388_800
    );

    private FakeHuggingFace _hub = null!;

    public async Task InitializeAsync() => _hub = await FakeHuggingFace.StartAsync(Grok1, Llama405);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private static FakeRepo Grok3(DateTimeOffset created) =>
        new("xai-org/grok-3", created, 1_234_567_890_123, License: "apache-2.0");

    [Fact]
    public async Task The_first_poll_notes_what_is_there_without_announcing_and_an_unchanged_organisation_then_costs_one_conditional_request()
    {
        using var bed = new WatchBed(_hub);

        var first = await bed.PollAsync();
        Assert.Equal(2, first.Feeds);
        Assert.Equal(2, first.Requests);
        Assert.Empty(first.Found);
        Assert.Contains(first.Notes, n => n.StartsWith("xai-org: first poll, 1 existing repo", StringComparison.Ordinal));
        Assert.Empty(bed.Updates);

        var before = _hub.Requests.Count;
        var second = await bed.NextPollAsync();
        var sent = _hub.Requests.Skip(before).ToList();
        Assert.Equal(2, second.Requests);
        Assert.Equal(2, second.Unchanged);
        Assert.All(sent, r => Assert.True(r.IsListing && r.IfNoneMatch is not null && r.Status == 304, r.ToString()));
        Assert.Equal("ok", second.Outcome);
    }

    [Fact]
    public async Task A_new_repo_of_a_known_model_is_recorded_as_cited_claims_with_their_basis_and_announced_once_to_each_subscribed_channel()
    {
        using var bed = new WatchBed(_hub);
        await bed.PollAsync();
        bed.Run("subscribe developer:xai", Callers.Make(Platform.Discord, "mod", "A", false, false, manageChannels: true));
        bed.Run("subscribe developer:xai", Callers.Make(Platform.Slack, "mod", "T", false, false, manageChannels: true));
        _hub.Publish(Grok3(WatchBed.Start.AddMinutes(5)));

        var report = await bed.NextPollAsync();

        Assert.Equal("xai-org/grok-3 → Grok 3, 4 claim(s), update 1", Assert.Single(report.Found));
        var claims = bed.Store.ClaimsWithSources("grok-3").Where(c => c.Claim.Origin.Kind == "watch").ToList();
        var source = claims[0].Source;
        Assert.Equal("https://huggingface.co/xai-org/grok-3", source.Url);
        Assert.Equal(SourceKind.Primary, source.Kind);
        Assert.Equal("xAI (Hugging Face)", source.Publisher);
        var byAttribute = claims.ToDictionary(c => c.Claim.Attribute, c => c.Claim);
        Assert.Equal("huggingface.co/xai-org/grok-3", byAttribute[ModelAttribute.WeightsLocation].Value.Text);
        Assert.Equal(Confidence.Confirmed, ConfidenceRule.Of(byAttribute[ModelAttribute.WeightsLocation], source));
        var date = byAttribute[ModelAttribute.OpenWeightsDate];
        Assert.Equal("2026-12-01", date.Value.Text);
        Assert.Equal(Basis.Compiled, date.Basis);
        Assert.Contains("placeholder", date.Note, StringComparison.Ordinal);
        Assert.Contains("created privately before it is made public", date.Note, StringComparison.Ordinal);
        var parameters = byAttribute[ModelAttribute.TotalParameters];
        Assert.Equal((Basis.Counted, Qualifier.Approximate), (parameters.Basis!.Value, parameters.Qualifier));
        Assert.Equal(1.234567890123e12, ((ParameterCount)parameters.Value).Magnitude.Value, 1e9);
        Assert.Contains("1234567890123", parameters.Quote, StringComparison.Ordinal);
        Assert.Equal(Confidence.Likely, ConfidenceRule.Of(parameters, source));
        Assert.Equal("Apache-2.0", ((LicenseValue)byAttribute[ModelAttribute.License].Value).SpdxId);

        var update = Assert.Single(bed.Updates);
        Assert.StartsWith("New open weights: xai-org/grok-3 (Grok 3, xAI). Recorded: ", update.Answer.Headline, StringComparison.Ordinal);
        Assert.Equal("xai", update.DeveloperKey);
        Assert.True(update.Kinds.HasFlag(UpdateKinds.Release) && update.Kinds.HasFlag(UpdateKinds.Params));
        Assert.False(update.Kinds.HasFlag(UpdateKinds.NewModel));
        Assert.Contains(update.Answer.Citations, c => c.Url == "https://huggingface.co/xai-org/grok-3");

        await bed.DrainAsync();
        Assert.Single(bed.Discord.MessagesIn("A-general"));
        Assert.Single(bed.Slack.MessagesIn("T-general"));

        var again = await bed.NextPollAsync();
        Assert.Empty(again.Found);
        Assert.Single(bed.Updates);
    }

    [Fact]
    public async Task A_repo_whose_name_matches_no_model_of_its_lab_becomes_a_new_model_and_Llama_3_1_70B_is_not_Llama_3_1_405B()
    {
        using var bed = new WatchBed(_hub);
        await bed.PollAsync();
        _hub.Publish(new FakeRepo("meta-llama/Llama-3.1-70B", WatchBed.Start.AddMinutes(1), 70_553_706_496, "llama3.1"));

        var report = await bed.NextPollAsync();

        Assert.Contains("(new model)", Assert.Single(report.Found), StringComparison.Ordinal);
        var created = bed.Store.FindModelsByKey(Names.Key("Llama-3.1-70B")).Single();
        Assert.Equal(("Meta", "llama", ModelStatus.Released), (created.Developer, created.Family, created.Status));
        Assert.Contains("meta-llama/Llama-3.1-70B", created.Aliases);
        Assert.DoesNotContain(bed.Store.ClaimsFor("llama-3.1-405b"), c => c.Origin.Kind == "watch");
        var update = Assert.Single(bed.Updates);
        Assert.True(update.Kinds.HasFlag(UpdateKinds.NewModel));
        Assert.Contains("new to the knowledge base", update.Answer.Headline, StringComparison.Ordinal);
        // A licence tag that is no SPDX licence is still recorded for a model that has none.
        Assert.Contains(bed.Store.ClaimsFor(created.Id), c => c.Attribute == ModelAttribute.License && c.Value.Text == "llama3.1");
    }

    [Fact]
    public async Task A_parameter_count_counted_from_packed_weights_that_differs_from_the_labs_figure_shows_as_a_dispute()
    {
        using var bed = new WatchBed(_hub);
        await bed.PollAsync();
        // Eight 4-bit weights packed into each int32 count as one: the sum is an eighth of the real size.
        _hub.Publish(new FakeRepo("xai-org/grok-1-base", WatchBed.Start.AddMinutes(1), 39_500_000_000));

        await bed.NextPollAsync();

        var line = bed.Facts("grok-1", ModelAttribute.TotalParameters).Facts.Single(f => f.Label == "Total parameters");
        Assert.NotNull(line.Dispute);
        Assert.Contains("314B", line.Dispute!.Summary, StringComparison.Ordinal);
        Assert.Contains("≈39.5B", line.Dispute.Summary, StringComparison.Ordinal);
        Assert.True(Assert.Single(bed.Updates).Kinds.HasFlag(UpdateKinds.Disputed));
    }

    [Fact]
    public async Task More_new_repos_than_one_page_holds_are_read_through_the_Link_header()
    {
        using var bed = new WatchBed(_hub, settings: new() { ["Watch:HuggingFace:PageSize"] = "2" });
        await bed.PollAsync();
        for (var i = 1; i <= 5; i++)
            _hub.Publish(new FakeRepo($"xai-org/grok-test-{i}", WatchBed.Start.AddMinutes(i)));

        var report = await bed.NextPollAsync();

        Assert.Equal(5, report.Found.Count);
        Assert.Equal(5, bed.Updates.Count);
        var xaiListings = _hub.Requests.Where(r => r.IsListing && r.Query.Contains("author=xai-org")).ToList();
        Assert.Equal(4, xaiListings.Count); // the first poll, then three pages
        Assert.Equal(2, xaiListings.Count(r => r.Query.Contains("cursor=")));
    }

    [Fact]
    public async Task A_429_stops_the_poll_until_its_Retry_After_has_passed()
    {
        using var bed = new WatchBed(_hub);
        await bed.PollAsync();
        _hub.Fault = r => r.IsListing ? new HubFault(429, """{"error":"rate limited"}""", RetryAfterSeconds: 1200) : null;

        var limited = await bed.NextPollAsync();
        Assert.Equal(1, limited.Requests); // the second organisation is not asked
        Assert.Contains("429", Assert.Single(limited.Problems), StringComparison.Ordinal);
        Assert.Equal(bed.Clock.GetUtcNow().AddSeconds(1200), limited.NotBefore);

        _hub.Fault = _ => null;
        var before = _hub.Requests.Count;
        var waiting = await bed.NextPollAsync();
        Assert.Equal(0, waiting.Requests);
        Assert.Equal(before, _hub.Requests.Count);

        bed.Clock.Advance(TimeSpan.FromMinutes(5));
        var resumed = await bed.PollAsync();
        Assert.Equal(2, resumed.Requests);
        Assert.Equal("ok", resumed.Outcome);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_a_persistent_one_leaves_the_other_organisations_polled()
    {
        using var bed = new WatchBed(_hub);
        var waits = new List<TimeSpan>();
        bed.HubHttp.WaitingToRetry += wait =>
        {
            waits.Add(wait);
            bed.Clock.Advance(wait);
        };
        var failures = 0;
        _hub.Fault = r =>
            r.IsListing && r.Query.Contains("author=xai-org") && failures++ < 2 ? new HubFault(503) : null;

        var recovered = await bed.PollAsync();
        Assert.Equal("ok", recovered.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Equal(4, recovered.Requests);

        _hub.Fault = r => r.IsListing && r.Query.Contains("author=xai-org") ? new HubFault(502) : null;
        var failed = await bed.NextPollAsync();
        Assert.Equal("partial", failed.Outcome);
        Assert.Equal("xai-org: HTTP 502", Assert.Single(failed.Problems));
        Assert.Equal(1, failed.Unchanged); // meta-llama still answered 304
    }

    [Fact]
    public async Task Malformed_JSON_is_a_problem_of_that_poll_and_the_repo_is_recorded_once_it_reads()
    {
        using var bed = new WatchBed(_hub);
        await bed.PollAsync();
        _hub.Publish(Grok3(WatchBed.Start.AddMinutes(5)));
        _hub.Fault = r => r.Path == "/api/models/xai-org/grok-3" ? new HubFault(200, """{"id": "xai-org/gr""") : null;

        var broken = await bed.NextPollAsync();
        Assert.Contains("malformed JSON in the record of xai-org/grok-3", Assert.Single(broken.Problems), StringComparison.Ordinal);
        Assert.Empty(bed.Updates);

        _hub.Fault = r => r.IsListing && r.Query.Contains("author=meta-llama") ? new HubFault(200, "[{\"id\":") : null;
        var fixedRecord = await bed.NextPollAsync();
        Assert.Single(fixedRecord.Found);
        Assert.Contains("malformed JSON in the listing", Assert.Single(fixedRecord.Problems), StringComparison.Ordinal);
        Assert.Single(bed.Updates);
    }

    [Fact]
    public async Task A_repo_that_disappears_while_it_is_read_is_never_announced()
    {
        using var bed = new WatchBed(_hub);
        await bed.PollAsync();
        _hub.Publish(new FakeRepo("xai-org/grok-leak", WatchBed.Start.AddMinutes(3), 10_000_000_000));
        _hub.HoldModelRequests("xai-org/grok-leak");
        bed.Clock.Advance(TimeSpan.FromMinutes(15));
        var polling = bed.PollAsync();
        await _hub.WaitForRequestAsync(r => r.Path == "/api/models/xai-org/grok-leak" && r.Status == 0);
        _hub.Remove("xai-org/grok-leak");
        _hub.ReleaseModelRequests();

        var report = await polling;
        Assert.StartsWith("xai-org/grok-leak is listed but not readable (HTTP 401)", Assert.Single(report.Notes), StringComparison.Ordinal);
        Assert.Empty(report.Problems);
        var after = await bed.NextPollAsync();
        Assert.Empty(after.Notes);
        Assert.Empty(bed.Updates);
        Assert.Null(bed.Store.FindModel("grok-leak"));
    }

    [Fact]
    public async Task A_poll_cut_off_midway_and_run_again_on_the_same_database_file_announces_each_repo_exactly_once()
    {
        using var folder = new TempFolder("grokfacts-watch-crash-");
        var path = folder.Combine("bot.db");
        using (var first = new WatchBed(_hub, LiteDbFactory.OpenFile(path)))
        {
            await first.PollAsync();
            _hub.Publish(new FakeRepo("xai-org/grok-a", WatchBed.Start.AddMinutes(1), 1_000_000_000));
            _hub.Publish(new FakeRepo("xai-org/grok-b", WatchBed.Start.AddMinutes(2), 2_000_000_000));
            _hub.HoldModelRequests("xai-org/grok-b");
            first.Clock.Advance(TimeSpan.FromMinutes(15));
            using var stop = new CancellationTokenSource();
            var polling = first.PollAsync(stop.Token);
            await _hub.WaitForRequestAsync(r => r.Path == "/api/models/xai-org/grok-b" && r.Status == 0);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
            Assert.Single(first.Updates);
        }
        _hub.ReleaseModelRequests();

        using var second = new WatchBed(_hub, LiteDbFactory.OpenFile(path));
        var report = await second.NextPollAsync();

        Assert.StartsWith("xai-org/grok-b", Assert.Single(report.Found), StringComparison.Ordinal);
        Assert.Equal(["xai-org/grok-a", "xai-org/grok-b"], second.Updates.Select(Repo).Order());
        var third = await second.NextPollAsync();
        Assert.Empty(third.Found);
        Assert.Equal(2, second.Updates.Count);
    }

    [Fact]
    public async Task The_hosted_service_polls_at_start_and_then_once_per_interval_of_the_clock()
    {
        using var bed = new WatchBed(_hub);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bed.Service.StartAsync(CancellationToken.None);
        var first = await bed.Service.Reports.ReadAsync(guard.Token);
        Assert.Contains(first.Notes, n => n.Contains("first poll", StringComparison.Ordinal));
        _hub.Publish(Grok3(WatchBed.Start.AddMinutes(1)));

        bed.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False(bed.Service.Reports.TryRead(out _));
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await bed.Service.Reports.ReadAsync(guard.Token);

        Assert.StartsWith("xai-org/grok-3 → Grok 3", Assert.Single(second.Found), StringComparison.Ordinal);
        await bed.Service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_token_goes_to_the_Hub_as_a_bearer_token()
    {
        using var bed = new WatchBed(_hub, settings: new() { ["Watch:HuggingFace:Token"] = "hf_test_token\n" });
        await bed.PollAsync();
        Assert.All(_hub.Requests, r => Assert.Equal("Bearer hf_test_token", r.Authorization));
    }

    [Theory]
    [InlineData("BaseUrl", "ftp://hub", "Watch:HuggingFace:BaseUrl must be an http(s) address")]
    [InlineData("Interval", "00:00:00.001", "Watch:HuggingFace:Interval must be between")]
    [InlineData("Organizations:0", "xai org", "Watch:HuggingFace:Organizations has 'xai org'")]
    [InlineData("Token", "secret", "Watch:HuggingFace:Token is not a Hugging Face access token")]
    [InlineData("PageSize", "0", "Watch:HuggingFace:PageSize must be between 1 and 100")]
    public void A_bad_setting_is_named_with_its_fix(string setting, string value, string message)
    {
        var options = new HuggingFaceOptions { Enabled = true };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value })
            .Build();
        configuration.Bind(options);
        var result = new HuggingFaceOptionsValidator().Validate(null, options);
        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
        options.Enabled = false;
        Assert.True(new HuggingFaceOptionsValidator().Validate(null, options).Succeeded);
    }

    private static string Repo(ReleaseUpdate update) =>
        update.Answer.Headline!["New open weights: ".Length..].Split(' ')[0];
}
