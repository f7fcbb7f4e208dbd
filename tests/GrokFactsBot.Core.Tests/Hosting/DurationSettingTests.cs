using GrokFactsBot.Core.Storage;
using GrokFactsBot.Core.Updates;

namespace GrokFactsBot.Core.Tests.Hosting;

/// <summary>
/// Duration settings are checked by validators generated at compile time (the native binary cannot convert
/// DataAnnotations' TimeSpan bounds by reflection); a value outside its bounds fails with the message that names it.
/// </summary>
public class DurationSettingTests
{
    [Theory]
    [InlineData("00:00:59", "Storage:BackupEvery must be between 00:01:00 and 30.00:00:00")]
    [InlineData("30.00:00:01", "Storage:BackupEvery must be between 00:01:00 and 30.00:00:00")]
    [InlineData("00:01:00", null)]
    [InlineData("30.00:00:00", null)]
    public void Backup_interval_bounds_are_inclusive(string every, string? failure)
    {
        var options = new StorageOptions { BackupEvery = TimeSpan.Parse(every) };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(failure is null, result.Succeeded);
        if (failure is not null)
            Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(DeliveryOptions.InitialBackoff), "0:0:0", "Updates:InitialBackoff must be between 1 ms")]
    [InlineData(nameof(DeliveryOptions.MaxBackoff), "1.00:00:01", "Updates:MaxBackoff must be between 1 ms and 1 day")]
    [InlineData(nameof(DeliveryOptions.IdlePoll), "00:00:00.009", "Updates:IdlePoll must be between 10 ms and 1 hour")]
    [InlineData(nameof(DeliveryOptions.MarkInterval), "00:00:06", "Updates:MarkInterval must be between 1 ms and 5 s")]
    [InlineData(nameof(DeliveryOptions.MarkInterval), "00:00:05", null)]
    public void Each_delivery_duration_is_checked_against_its_own_bounds(string setting, string value, string? failure)
    {
        var options = new DeliveryOptions();
        typeof(DeliveryOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Parse(value));

        var result = new DeliveryOptionsValidator().Validate(null, options);

        Assert.Equal(failure is null, result.Succeeded);
        if (failure is not null)
            Assert.Equal(failure, Assert.Single(result.Failures!).Split(':', 2)[1].Trim()[..failure.Length]);
    }

    [Fact]
    public void A_duration_attribute_rejects_a_value_that_is_not_a_duration()
    {
        var range = new Core.Hosting.TimeSpanRangeAttribute("00:00:01", "00:01:00");

        Assert.False(range.IsValid("00:00:30"));
        Assert.True(range.IsValid(TimeSpan.FromSeconds(30)));
    }
}
