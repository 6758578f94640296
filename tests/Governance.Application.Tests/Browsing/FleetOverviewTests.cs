using Governance.Application.Browsing;
using Governance.Domain.Catalog;
using Governance.Storage.Audits;
using Governance.Storage.Browsing;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Browsing;

/// <summary>The fleet overview of an empty store and of the seven services of <see cref="SmallFleet"/>.</summary>
public abstract class FleetOverviewTests : StoreTestBase
{
    [StoreFact]
    public async Task An_empty_store_has_an_empty_overview_without_an_audit()
    {
        var overview = await FleetOverview.LoadAsync(Store, Clock);

        Assert.Equal(0, overview.Services);
        Assert.Empty(overview.Tiers);
        Assert.Empty(overview.Exposures);
        Assert.Empty(overview.TierExposures);
        Assert.Equal((0, 0, 0, 0, 0), (overview.Remediation.Items, overview.Remediation.Done, overview.Remediation.InFlight, overview.Remediation.WontDo, overview.Remediation.Overdue));
        Assert.Empty(overview.Remediation.Teams);
        Assert.Empty(overview.Remediation.Programmes);
        Assert.Null(overview.LatestAudit);
    }

    [StoreFact]
    public async Task The_overview_counts_the_fleet_and_sums_up_the_latest_audit()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var overview = await FleetOverview.LoadAsync(Store, Clock);

        Assert.Equal(7, overview.Services);
        Assert.Equal([new TierCount(0, 2), new TierCount(1, 1), new TierCount(2, 1), new TierCount(3, 2), new TierCount(null, 1)], overview.Tiers);
        Assert.Equal(
            [new ExposureCount(UnitOfFailure.Host, 1), new ExposureCount(UnitOfFailure.Zone, 1), new ExposureCount(UnitOfFailure.Region, 3), new ExposureCount(UnitOfFailure.None, 1), new ExposureCount(null, 1)],
            overview.Exposures);
        Assert.Equal(7, overview.TierExposures.Count);
        var remediation = overview.Remediation;
        Assert.Equal((4, 1, 2, 1, 1), (remediation.Items, remediation.Done, remediation.InFlight, remediation.WontDo, remediation.Overdue));
        Assert.Equal(SmallFleet.ItemsByTeam, remediation.Teams);
        Assert.Equal([new RemediationTally("INC-1", 3, 1, 2, 0, 1), new RemediationTally(null, 1, 0, 0, 1, 0)], remediation.Programmes);

        var audit = overview.LatestAudit!;
        Assert.Equal((runId, AuditRunStatus.Succeeded), (audit.Run.Id, audit.Run.Status));
        Assert.Equal(new AuditRunChanges(runId, null, 7, 0, 0), audit.Changes);
        Assert.Equal(SmallFleet.RiskByTier, audit.RiskByTier);
        Assert.Equal(["flags", "billing", "checkout", "reports"], audit.Riskiest.Select(ranked => ranked.ServiceId));
        Assert.Equal([("flags", 6), ("billing", 2), ("checkout", 2)], audit.Hubs.Select(hub => (hub.ServiceId, hub.Facts.CriticalFanIn)));
    }

    [StoreFact]
    public async Task The_limits_cut_every_list_to_its_first_entries()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var overview = await FleetOverview.LoadAsync(Store, Clock, new FleetOverviewLimits(Riskiest: 2, Hubs: 1, Teams: 1, Programmes: 1));

        Assert.Equal(["flags", "billing"], overview.LatestAudit!.Riskiest.Select(ranked => ranked.ServiceId));
        Assert.Equal(["flags"], overview.LatestAudit.Hubs.Select(hub => hub.ServiceId));
        Assert.Equal(["team-payments"], overview.Remediation.Teams.Select(team => team.Name));
        Assert.Equal(["INC-1"], overview.Remediation.Programmes.Select(programme => programme.Name));
        Assert.Equal(4, overview.Remediation.Items);
    }

    [StoreFact]
    public async Task Overdue_is_counted_as_of_the_clocks_day()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromDays(91));

        var overview = await FleetOverview.LoadAsync(Store, Clock);

        // 2025-07-01: C-1, due 2025-06-30, is late as well as B-1.
        Assert.Equal(2, overview.Remediation.Overdue);
        Assert.Equal(new RemediationTally("team-payments", 3, 1, 2, 0, 2), overview.Remediation.Teams[0]);
    }
}
