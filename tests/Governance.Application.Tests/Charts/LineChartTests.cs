using Governance.Application.Charts;

namespace Governance.Application.Tests.Charts;

/// <summary>The line chart and the sparkline, read back as XML.</summary>
public sealed class LineChartTests
{
    private static readonly LinePoint[] ThreeRuns =
    [
        new("2025-01-01", 20, "level-critical"),
        new("2025-02-01", 10, "level-high"),
        new("2025-03-01", 0, "level-none"),
    ];

    [Fact]
    public void Points_are_spread_across_the_plot_from_zero_at_the_axis_to_the_highest_value_at_the_top()
    {
        var svg = new Svg(LineChart.Render("Score of checkout", ThreeRuns));

        // The plot is 40..616 wide and 20..172 high: a step of 288, 7.6 a point of score.
        Assert.Equal("40,20 328,96 616,172", Svg.Attribute(Assert.Single(svg.All("polyline", "line")), "points"));
        var points = svg.All("circle", "point");
        Assert.Equal([("40", "20"), ("328", "96"), ("616", "172")], points.Select(point => (Svg.Attribute(point, "cx"), Svg.Attribute(point, "cy"))));
        Assert.Equal(["point level-critical", "point level-high", "point level-none"], points.Select(point => Svg.Attribute(point, "class")));
        Assert.Equal(["2025-01-01: 20", "2025-02-01: 10", "2025-03-01: 0"], points.Select(point => point.Value));
    }

    [Fact]
    public void Values_sit_above_their_points_and_the_first_and_last_labels_under_the_axis()
    {
        var svg = new Svg(LineChart.Render("Score of checkout", ThreeRuns));

        Assert.Equal(["20", "10", "0"], svg.Texts("value"));
        Assert.Equal(["12", "88", "164"], svg.All("text", "value").Select(text => Svg.Attribute(text, "y")));
        Assert.Equal(["2025-01-01", "2025-03-01"], svg.Texts("label"));
        Assert.Equal(["start", "end"], svg.All("text", "label").Select(text => Svg.Attribute(text, "text-anchor")));
        Assert.Equal(["0", "20"], svg.Texts("axis-label"));
        Assert.Equal(("img", "Score of checkout", "0 0 640 200"), (Svg.Attribute(svg.Root, "role"), Svg.Attribute(svg.Root, "aria-label"), Svg.Attribute(svg.Root, "viewBox")));
    }

    [Fact]
    public void One_point_stands_in_the_middle_and_a_flat_line_lies_on_the_axis()
    {
        var single = new Svg(LineChart.Render("Score", [new LinePoint("2025-01-01", 5)]));
        var flat = new Svg(LineChart.Render("Score", [new LinePoint("a", 0), new LinePoint("b", 0)]));

        var point = Assert.Single(single.All("circle", "point"));
        Assert.Equal(("328", "20", "point"), (Svg.Attribute(point, "cx"), Svg.Attribute(point, "cy"), Svg.Attribute(point, "class")));
        Assert.Equal(["2025-01-01"], single.Texts("label"));
        Assert.Equal("40,172 616,172", Svg.Attribute(Assert.Single(flat.All("polyline", "line")), "points"));
    }

    [Fact]
    public void The_sparkline_is_the_small_line_with_its_last_value()
    {
        var svg = new Svg(LineChart.RenderSparkline("Score of checkout", [new LinePoint("a", 0), new LinePoint("b", 4)]));

        Assert.Equal(("0 0 140 32", "chart chart-sparkline"), (Svg.Attribute(svg.Root, "viewBox"), Svg.Attribute(svg.Root, "class")));
        Assert.Equal("4,26 104,6", Svg.Attribute(Assert.Single(svg.All("polyline", "line")), "points"));
        Assert.Equal(["4"], svg.Texts("value"));
        Assert.Empty(svg.Texts("label"));
    }

    [Fact]
    public void Labels_are_escaped_and_no_points_draw_a_no_data_image()
    {
        var escaped = new Svg(LineChart.Render("a <b> & \"c\"", [new LinePoint("<&\">", 1)]));
        var empty = new Svg(LineChart.Render("Score", []));
        var emptySpark = new Svg(LineChart.RenderSparkline("Score", []));

        Assert.Equal("a <b> & \"c\"", escaped.Title);
        Assert.Equal(["<&\">"], escaped.Texts("label"));
        Assert.Equal("<&\">: 1", Assert.Single(escaped.All("circle", "point")).Value);
        Assert.Equal("Score: no data", Svg.Attribute(empty.Root, "aria-label"));
        Assert.Equal(["No data"], empty.Texts("empty"));
        Assert.Equal(("Score: no data", "0 0 140 32"), (Svg.Attribute(emptySpark.Root, "aria-label"), Svg.Attribute(emptySpark.Root, "viewBox")));
    }
}
