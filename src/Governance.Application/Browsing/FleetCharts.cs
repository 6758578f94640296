using System.Globalization;
using Governance.Application.Charts;
using Governance.Domain.Audit;
using Governance.Storage.Audits;

namespace Governance.Application.Browsing;

/// <summary>The read models drawn as the charts the pages show.</summary>
public static class FleetCharts
{
    /// <summary>The most severe first, so that bars of different tiers line their worst parts up.</summary>
    private static readonly RiskLevel[] LevelOrder = [RiskLevel.Critical, RiskLevel.High, RiskLevel.Medium, RiskLevel.Low, RiskLevel.None];

    /// <summary>A bar per tier (unclassified last), split by risk level (series named <c>critical</c> … <c>none</c>); "no data" before the first audit.</summary>
    public static string RiskByTier(AuditOverview? audit) =>
        BarChart.Render("Services by tier and risk level at the latest audit", RiskByTierBars(audit?.RiskByTier ?? []));

    /// <summary>The bars of <see cref="RiskByTier(AuditOverview?)"/>.</summary>
    public static IReadOnlyList<Bar> RiskByTierBars(IReadOnlyList<TierRiskCount> counts) =>
    [
        .. counts
            .GroupBy(count => count.Tier)
            .OrderBy(tier => tier.Key ?? int.MaxValue)
            .Select(tier => new Bar(
                tier.Key is { } number ? $"Tier {number}" : "Unclassified",
                [.. LevelOrder.SelectMany(level => tier.Where(count => count.Level == level)).Select(count => new BarSegment(LevelName(count.Level), count.Services))])),
    ];

    /// <summary>The service's score at each run, dated, each point classed by its level (<c>level-high</c>); "no data" when no run audited it.</summary>
    public static string ScoreTrend(ServiceTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return LineChart.Render($"Risk score of {trend.ServiceId} by audit run", ScorePoints(trend));
    }

    /// <summary>The same trend as a sparkline, for a list.</summary>
    public static string ScoreSparkline(ServiceTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return LineChart.RenderSparkline($"Risk score of {trend.ServiceId}", ScorePoints(trend));
    }

    private static List<LinePoint> ScorePoints(ServiceTrend trend) =>
        [.. trend.Points.Select(point => new LinePoint(point.AuditedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), point.Score, $"level-{LevelName(point.Level)}"))];

    private static string LevelName(RiskLevel level) => level.ToString().ToLowerInvariant();
}
