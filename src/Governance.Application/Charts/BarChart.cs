namespace Governance.Application.Charts;

/// <summary>One part of a bar: how much of one series (a risk level, say) the bar holds.</summary>
public sealed record BarSegment(string Series, double Value);

/// <summary>One bar of a chart, made of its segments laid end to end.</summary>
public sealed record Bar(string Label, IReadOnlyList<BarSegment> Segments)
{
    public double Total => Segments.Sum(segment => segment.Value);
}

/// <summary>
/// A horizontal stacked bar chart as SVG: a row per bar with its label and its total, a rectangle per segment with classes
/// <c>bar series-N series-NAME</c> (N: the series' place in the legend), and a legend of the series.
/// </summary>
public static class BarChart
{
    private const double Width = 640;
    private const double LabelWidth = 130;
    private const double ValueWidth = 56;
    private const double RowHeight = 28;
    private const double BarHeight = 18;
    private const double LegendHeight = 28;
    private const double LegendItemWidth = 110;

    /// <summary>The chart of <paramref name="bars"/>, largest total as wide as the plot; "no data" when there are no bars.</summary>
    public static string Render(string title, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0)
        {
            return SvgBuilder.NoData("chart-bar", Width, RowHeight * 2, title);
        }

        var series = bars.SelectMany(bar => bar.Segments).Select(segment => segment.Series).Distinct(StringComparer.Ordinal).ToList();
        var largest = bars.Max(bar => bar.Total);
        var scale = largest > 0 ? (Width - LabelWidth - ValueWidth) / largest : 0;
        var svg = new SvgBuilder("chart-bar", Width, (bars.Count * RowHeight) + LegendHeight, title, Describe(bars));
        for (var row = 0; row < bars.Count; row++)
        {
            DrawBar(svg, bars[row], row * RowHeight, scale, series);
        }

        DrawLegend(svg, series, bars.Count * RowHeight);
        return svg.Build();
    }

    private static void DrawBar(SvgBuilder svg, Bar bar, double top, double scale, List<string> series)
    {
        var middle = top + (RowHeight / 2) + 4;
        svg.Text(LabelWidth - 8, middle, bar.Label, "label", "end");
        var x = LabelWidth;
        foreach (var segment in bar.Segments)
        {
            var width = segment.Value * scale;
            svg.Rect(x, top + ((RowHeight - BarHeight) / 2), width, BarHeight, SeriesClass("bar", segment.Series, series), $"{bar.Label}, {segment.Series}: {SvgBuilder.Number(segment.Value)}");
            x += width;
        }

        svg.Text(x + 6, middle, SvgBuilder.Number(bar.Total), "value");
    }

    private static void DrawLegend(SvgBuilder svg, List<string> series, double top)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var x = LabelWidth + (i * LegendItemWidth);
            svg.Rect(x, top + 8, 12, 12, SeriesClass("swatch", series[i], series), series[i])
                .Text(x + 18, top + 18, series[i], "legend");
        }
    }

    private static string SeriesClass(string kind, string name, List<string> series) =>
        $"{kind} series-{series.IndexOf(name)} series-{SvgBuilder.ClassName(name)}";

    // What the chart shows, in words, for those who cannot see it.
    private static string Describe(IReadOnlyList<Bar> bars) => string.Join("; ", bars.Select(bar =>
        $"{bar.Label}: {SvgBuilder.Number(bar.Total)}" +
        (bar.Segments.Count == 0 ? string.Empty : $" ({string.Join(", ", bar.Segments.Select(segment => $"{SvgBuilder.Number(segment.Value)} {segment.Series}"))})")));
}
