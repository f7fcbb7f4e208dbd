using ScottPlot;

namespace GrokFactsBot.Charts;

/// <summary>
/// Draws a timeline as a PNG: release date across, total parameters up on a log axis, open weights filled green
/// and closed models filled grey, a size that is disputed or only stated drawn hollow with the range its sources
/// span, each point labelled, and the sources in a caption line.
/// </summary>
public static class TimelineChart
{
    public const int Width = 1000,
        Height = 560;
    private static readonly Color Open = Color.FromHex("#16A34A"),
        Closed = Color.FromHex("#6B7280"),
        RangeLine = Color.FromHex("#F59E0B");

    public static byte[] Render(TimelineData data, string caption)
    {
        var plot = new Plot();
        plot.Title($"Releases and sizes: {data.Scope}");
        var dates = plot.Axes.DateTimeTicksBottom();
        dates.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = date => date.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
        // After the date axis replaces the bottom axis, or the caption would go with the old one.
        plot.XLabel(caption, 12);
        plot.YLabel("Total parameters (log scale)");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => Core.Values.Magnitude.Short(Math.Pow(10, exponent)),
        };
        var placed = new List<(double From, double To, double Y)>();
        var spanX = data.Points.Count < 2 ? 365 : Math.Max(365, X(data.Points[^1]) - X(data.Points[0]));
        foreach (var point in data.Points)
        {
            var x = X(point);
            var y = Math.Log10(point.Size);
            if (point.Low < point.High * 0.999 && point.IsUncertain)
            {
                var range = plot.Add.Line(x, Math.Log10(point.Low), x, Math.Log10(point.High));
                range.LineColor = RangeLine;
                range.LineWidth = 2;
            }
            var marker = plot.Add.Marker(
                x,
                y,
                point.IsUncertain ? MarkerShape.OpenCircle : MarkerShape.FilledCircle,
                11,
                point.IsOpen ? Open : Closed
            );
            marker.MarkerLineWidth = 2;
            var label = plot.Add.Text(point.Model.Name, x, y);
            label.LabelFontSize = 11;
            label.LabelFontColor = Colors.Black;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.OffsetX = 8;
            label.OffsetY = FreeRow(placed, x, y, point.Model.Name.Length * spanX / 130, 0.12);
            placed.Add((x, x + point.Model.Name.Length * spanX / 130, y + label.OffsetY / -150.0));
        }
        AddLegend(plot);
        if (data.Points.Count > 0)
        {
            plot.Axes.AutoScale();
            var limits = plot.Axes.GetLimits();
            // Room on the right for the last label, and half a decade above and below.
            plot.Axes.SetLimits(
                limits.Left - 30,
                limits.Right + Math.Max(90, (limits.Right - limits.Left) * 0.12),
                limits.Bottom - 0.25,
                limits.Top + 0.25
            );
        }
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// The vertical offset (pixels) at which a label starting at <paramref name="x"/> overlaps no label placed
    /// before it: labels of points close together are stacked instead of drawn over each other.
    /// </summary>
    private static float FreeRow(List<(double From, double To, double Y)> placed, double x, double y, double width, double height)
    {
        foreach (var row in new[] { 0, 1, -1, 2, -2, 3 })
        {
            var rowY = y + row * 0.1;
            if (!placed.Any(p => x - width * 0.15 < p.To && p.From < x + width && Math.Abs(p.Y - rowY) < height))
                return -15f * row;
        }
        return 0;
    }

    private static double X(TimelinePoint point) => point.Released.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static void AddLegend(Plot plot)
    {
        plot.Legend.ManualItems.Add(Item("open weights", Open, MarkerShape.FilledCircle));
        plot.Legend.ManualItems.Add(Item("closed", Closed, MarkerShape.FilledCircle));
        plot.Legend.ManualItems.Add(Item("size disputed or only stated (range)", Closed, MarkerShape.OpenCircle));
        plot.ShowLegend(Alignment.UpperLeft);
    }

    private static LegendItem Item(string text, Color color, MarkerShape shape) =>
        new()
        {
            LabelText = text,
            MarkerShape = shape,
            MarkerFillColor = color,
            MarkerLineColor = color,
            MarkerSize = 10,
            LineWidth = 0,
        };
}
