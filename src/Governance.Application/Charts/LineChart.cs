namespace Governance.Application.Charts;

/// <summary>One point of a line: its label (a date, say), its value, and a class for its marker (a risk level, say).</summary>
public sealed record LinePoint(string Label, double Value, string? Class = null);

/// <summary>
/// A line chart as SVG, points in the order given from left to right: a <c>line</c> polyline, a <c>point</c> circle per point
/// (with its label and value as a tooltip), the values above the points, and the first and last labels under the axis. The
/// sparkline is the same line, small, with only its last value.
/// </summary>
public static class LineChart
{
    private static readonly Frame Full = new(640, 200, Left: 40, Right: 24, Top: 20, Bottom: 28);
    private static readonly Frame Spark = new(140, 32, Left: 4, Right: 36, Top: 6, Bottom: 6);

    /// <summary>The chart of <paramref name="points"/>, from 0 (or the lowest value) to the highest; "no data" when there are none.</summary>
    public static string Render(string title, IReadOnlyList<LinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return SvgBuilder.NoData("chart-line", Full.Width, Full.Height, title);
        }

        var (svg, positions) = Draw("chart-line", Full, title, points);
        var (low, high) = Range(points);
        svg.Text(Full.Left - 6, Full.Top + Full.PlotHeight + 4, SvgBuilder.Number(low), "axis-label", "end")
            .Text(Full.Left - 6, Full.Top + 4, SvgBuilder.Number(high), "axis-label", "end");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Text(positions[i].X, positions[i].Y - 8, SvgBuilder.Number(points[i].Value), "value", "middle");
        }

        svg.Text(positions[0].X, Full.Height - 8, points[0].Label, "label", points.Count == 1 ? "middle" : "start");
        if (points.Count > 1)
        {
            svg.Text(positions[^1].X, Full.Height - 8, points[^1].Label, "label", "end");
        }

        return svg.Build();
    }

    /// <summary>A small line of <paramref name="points"/> with its last value beside it; "no data" when there are none.</summary>
    public static string RenderSparkline(string title, IReadOnlyList<LinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return SvgBuilder.NoData("chart-sparkline", Spark.Width, Spark.Height, title);
        }

        var (svg, positions) = Draw("chart-sparkline", Spark, title, points);
        return svg.Text(Spark.Width - Spark.Right + 4, positions[^1].Y + 4, SvgBuilder.Number(points[^1].Value), "value").Build();
    }

    private static (SvgBuilder Svg, List<(double X, double Y)> Positions) Draw(string kind, Frame frame, string title, IReadOnlyList<LinePoint> points)
    {
        var (low, high) = Range(points);
        var step = points.Count > 1 ? frame.PlotWidth / (points.Count - 1) : 0;
        var positions = points
            .Select((point, i) => (
                X: points.Count > 1 ? frame.Left + (i * step) : frame.Left + (frame.PlotWidth / 2),
                Y: frame.Top + frame.PlotHeight - ((point.Value - low) / (high - low) * frame.PlotHeight)))
            .ToList();
        var description = string.Join("; ", points.Select(point => $"{point.Label}: {SvgBuilder.Number(point.Value)}"));
        var svg = new SvgBuilder(kind, frame.Width, frame.Height, title, description)
            .Line(frame.Left, frame.Top + frame.PlotHeight, frame.Width - frame.Right, frame.Top + frame.PlotHeight, "axis")
            .Polyline(positions, "line");
        for (var i = 0; i < points.Count; i++)
        {
            var cssClass = points[i].Class is { } extra ? $"point {SvgBuilder.ClassName(extra)}" : "point";
            svg.Circle(positions[i].X, positions[i].Y, 3, cssClass, $"{points[i].Label}: {SvgBuilder.Number(points[i].Value)}");
        }

        return (svg, positions);
    }

    // From 0, or below it when a value is; never an empty range, so that a flat line sits on the axis rather than dividing by zero.
    private static (double Low, double High) Range(IReadOnlyList<LinePoint> points)
    {
        var low = Math.Min(0, points.Min(point => point.Value));
        var high = points.Max(point => point.Value);
        return (low, high > low ? high : low + 1);
    }

    private sealed record Frame(double Width, double Height, double Left, double Right, double Top, double Bottom)
    {
        public double PlotWidth => Width - Left - Right;

        public double PlotHeight => Height - Top - Bottom;
    }
}
