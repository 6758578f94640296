using Governance.Application.Browsing;
using Governance.Domain.Audit;
using Governance.Domain.History;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Browsing;

/// <summary>A service's score over the audit runs, oldest first.</summary>
public abstract class ServiceTrendTests : StoreTestBase
{
    [StoreFact]
    public async Task Without_a_run_a_service_has_no_trend()
    {
        var trend = await ServiceTrend.LoadAsync(Store, "flags");

        Assert.Equal("flags", trend.ServiceId);
        Assert.Empty(trend.Points);
    }

    [StoreFact]
    public async Task Every_run_that_audited_the_service_is_a_point_and_a_newer_service_has_none()
    {
        var firstAt = HistoryEntry.Normalize(Clock.GetUtcNow());
        var first = await SmallFleet.LoadAsync(Store, firstAt);
        Clock.Advance(TimeSpan.FromDays(7));
        var secondAt = HistoryEntry.Normalize(Clock.GetUtcNow());
        var second = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        var quieter = SmallFleet.Result(secondAt);
        await Store.Audits.CompleteAuditAsync(second, quieter with { Profiles = [.. quieter.Profiles.Where(profile => profile.ServiceId != "billing")] }, SmallFleet.Audited, [.. SmallFleet.Audited.Select((_, i) => AuditSamples.Facts(i))]);

        var billing = await ServiceTrend.LoadAsync(Store, "billing");
        var latest = await ServiceTrend.LoadAsync(Store, "billing", runs: 1);
        var newcomer = await ServiceTrend.LoadAsync(Store, "newcomer");

        Assert.Equal([new RiskPoint(first, firstAt, 10, RiskLevel.High), new RiskPoint(second, secondAt, 0, RiskLevel.None)], billing.Points);
        Assert.Equal([new RiskPoint(second, secondAt, 0, RiskLevel.None)], latest.Points);
        Assert.Empty(newcomer.Points);
    }
}
