using Governance.Application.Browsing;
using Governance.Domain.Audit;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Charts;

/// <summary>The read models as the pages' charts draw them.</summary>
public sealed class FleetChartsTests
{
    [Fact]
    public void Risk_by_tier_is_a_bar_a_tier_split_by_level_from_the_most_severe()
    {
        var bars = FleetCharts.RiskByTierBars([.. SmallFleet.RiskByTier, new TierRiskCount(null, RiskLevel.Medium, 4)]);

        Assert.Equal(
            [
                ("Tier 0", "critical 1, high 1"),
                ("Tier 1", "medium 1"),
                ("Tier 2", "none 1"),
                ("Tier 3", "low 1, none 1"),
                ("Unclassified", "medium 4"),
            ],
            bars.Select(bar => (bar.Label, string.Join(", ", bar.Segments.Select(segment => $"{segment.Series} {segment.Value}")))));
    }

    [Fact]
    public void Before_any_audit_risk_by_tier_has_no_data()
    {
        var svg = new Svg(FleetCharts.RiskByTier(null));

        Assert.Equal("Services by tier and risk level at the latest audit: no data", Svg.Attribute(svg.Root, "aria-label"));
    }

    [Fact]
    public void A_trend_is_dated_by_run_and_its_points_are_classed_by_level()
    {
        var trend = new ServiceTrend("checkout",
        [
            new RiskPoint(1, new DateTimeOffset(2025, 3, 1, 3, 0, 0, TimeSpan.Zero), 4, RiskLevel.Medium),
            new RiskPoint(2, new DateTimeOffset(2025, 3, 2, 1, 0, 0, TimeSpan.FromHours(2)), 12, RiskLevel.High),
        ]);

        var chart = new Svg(FleetCharts.ScoreTrend(trend));
        var spark = new Svg(FleetCharts.ScoreSparkline(trend));

        Assert.Equal("Risk score of checkout by audit run", chart.Title);
        Assert.Equal(["2025-03-01: 4", "2025-03-01: 12"], chart.All("circle", "point").Select(point => point.Value));
        Assert.Equal(["point level-medium", "point level-high"], chart.All("circle", "point").Select(point => Svg.Attribute(point, "class")));
        Assert.Equal(["12"], spark.Texts("value"));
        Assert.Equal("Risk score of checkout: no data", Svg.Attribute(new Svg(FleetCharts.ScoreSparkline(trend with { Points = [] })).Root, "aria-label"));
    }
}
