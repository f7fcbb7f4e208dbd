namespace GrokFactsBot.Core.Values;

/// <summary>
/// A typed value as a source states it. <see cref="Text"/> is what was written, and parses back to the same value
/// through <see cref="ValueParser"/>; <see cref="Display"/> is what people read.
/// </summary>
public abstract record FactValue(string Text)
{
    public abstract string Display { get; }

    /// <summary>True when both could describe the same truth, given each one's stated precision.</summary>
    public abstract bool AgreesWith(FactValue other);

    public sealed override string ToString() => Display;
}

/// <summary>A closed interval, the common ground of precision-aware comparison.</summary>
public readonly record struct Range(double Low, double High)
{
    public bool Overlaps(Range other) => Low <= other.High && other.Low <= High;

    public static Range Around(double value, double halfWidth) => new(value - halfWidth, value + halfWidth);
}
