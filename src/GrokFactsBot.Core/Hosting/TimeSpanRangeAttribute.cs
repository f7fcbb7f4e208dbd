using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace GrokFactsBot.Core.Hosting;

/// <summary>
/// A duration setting between two bounds written as <c>d.hh:mm:ss</c>. DataAnnotations' own
/// <c>Range(typeof(TimeSpan), …)</c> converts its bounds by reflection, which the native binary cannot do.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is TimeSpan span && span >= Minimum && span <= Maximum;
}
