using Governance.Application.Charts;

namespace Governance.Application.Tests.Charts;

/// <summary>The horizontal stacked bar chart, read back as XML.</summary>
public sealed class BarChartTests
{
    private static readonly Bar[] TwoTiers =
    [
        new("Tier 0", [new BarSegment("critical", 3), new BarSegment("high", 1)]),
        new("Tier 1", [new BarSegment("high", 2)]),
    ];

    [Fact]
    public void Every_segment_is_a_rectangle_as_long_as_its_value_with_the_largest_bar_filling_the_plot()
    {
        var svg = new Svg(BarChart.Render("Risk by tier", TwoTiers));

        // The plot is 640 - 130 (labels) - 56 (values) = 454 wide; the largest bar totals 4: 113.5 a service.
        var bars = svg.All("rect", "bar");
        Assert.Equal([("130", "5", "340.5"), ("470.5", "5", "113.5"), ("130", "33", "227")], bars.Select(Svg.Box));
        Assert.Equal(["bar series-0 series-critical", "bar series-1 series-high", "bar series-1 series-high"], bars.Select(bar => Svg.Attribute(bar, "class")));
        Assert.Equal(["Tier 0, critical: 3", "Tier 0, high: 1", "Tier 1, high: 2"], bars.Select(bar => bar.Value));
    }

    [Fact]
    public void Bars_carry_their_labels_and_totals_and_the_legend_names_each_series_once()
    {
        var svg = new Svg(BarChart.Render("Risk by tier", TwoTiers));

        Assert.Equal(["Tier 0", "Tier 1"], svg.Texts("label"));
        Assert.Equal(["4", "2"], svg.Texts("value"));
        Assert.Equal(["590", "363"], svg.All("text", "value").Select(text => Svg.Attribute(text, "x")));
        Assert.Equal(["critical", "high"], svg.Texts("legend"));
        Assert.Equal(["swatch series-0 series-critical", "swatch series-1 series-high"], svg.All("rect", "swatch").Select(swatch => Svg.Attribute(swatch, "class")));
    }

    [Fact]
    public void The_svg_is_an_image_with_a_title_a_view_box_and_a_description()
    {
        var svg = new Svg(BarChart.Render("Risk by tier", TwoTiers));

        Assert.Equal(("img", "Risk by tier", "0 0 640 84", "chart chart-bar"), (Svg.Attribute(svg.Root, "role"), Svg.Attribute(svg.Root, "aria-label"), Svg.Attribute(svg.Root, "viewBox"), Svg.Attribute(svg.Root, "class")));
        Assert.Equal("Risk by tier", svg.Title);
        Assert.Equal("Tier 0: 4 (3 critical, 1 high); Tier 1: 2 (2 high)", svg.Root.Element(Svg.Ns + "desc")!.Value);
        Assert.DoesNotContain("fill=", svg.Root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_titles_and_series_are_escaped()
    {
        const string Label = "Tier <0> & \"friends\" 'x'\u0001";
        var markup = BarChart.Render("Risk <by> & \"tier\"", [new Bar(Label, [new BarSegment("a<b>&\"c\"", 1)])]);

        var svg = new Svg(markup);

        Assert.Equal("Risk <by> & \"tier\"", svg.Title);
        Assert.Equal("Risk <by> & \"tier\"", Svg.Attribute(svg.Root, "aria-label"));
        Assert.Equal(["Tier <0> & \"friends\" 'x'\uFFFD"], svg.Texts("label"));
        Assert.Equal(["a<b>&\"c\""], svg.Texts("legend"));
        Assert.Equal("bar series-0 series-a-b-c", Svg.Attribute(Assert.Single(svg.All("rect", "bar")), "class"));
        Assert.Contains("Tier &lt;0&gt; &amp; &quot;friends&quot; &apos;x&apos;", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void No_bars_draw_a_no_data_image_and_zero_values_draw_empty_bars()
    {
        var empty = new Svg(BarChart.Render("Risk by tier", []));
        var zeros = new Svg(BarChart.Render("Risk by tier", [new Bar("Tier 0", [new BarSegment("none", 0)]), new Bar("Tier 1", [])]));

        Assert.Equal(("Risk by tier: no data", "chart chart-bar chart-empty"), (Svg.Attribute(empty.Root, "aria-label"), Svg.Attribute(empty.Root, "class")));
        Assert.Equal(["No data"], empty.Texts("empty"));
        Assert.Empty(empty.All("rect", "bar"));
        Assert.Equal(["0"], zeros.All("rect", "bar").Select(bar => Svg.Attribute(bar, "width")));
        Assert.Equal(["0", "0"], zeros.Texts("value"));
    }
}
