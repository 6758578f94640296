using Governance.Storage.Browsing;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Migration 0006 fills what it adds from the states and the latest run of a store written before it.</summary>
public abstract class BackfillContractTests : StoreTestBase
{
    // Takes a store back to schema 5: what 0006 added, dropped, and the migration no longer recorded (the SQL is the same in both dialects).
    private const string UndoServiceDirectory = """
        DROP INDEX services_tier_exposure;
        DROP INDEX services_lifecycle;
        DROP INDEX services_id_name;
        DROP INDEX services_name;
        ALTER TABLE services DROP COLUMN exposure;
        DROP TABLE remediation_items;
        DROP TABLE audit_scores;
        DROP INDEX audit_graph_facts_critical;
        ALTER TABLE audit_graph_facts DROP COLUMN critical_fan_in;
        DROP TABLE audit_run_tiers;
        DROP TABLE audit_run_changes;
        DELETE FROM schema_migrations WHERE version = 6;
        """;

    [StoreFact]
    public async Task Exposure_items_and_the_latest_runs_sums_are_filled_when_the_store_opens()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());
        await Database.ExecuteAsync(UndoServiceDirectory);

        var reopened = await OpenStoreAsync();

        var page = await reopened.SearchServicesAsync(new ServiceSearch());
        var tallies = await reopened.TallyRemediationAsync(SmallFleet.Today);
        Assert.Equal(SmallFleet.Listings.Values.OrderBy(listing => listing.Id, StringComparer.Ordinal), page.Services);
        Assert.Equal(SmallFleet.ItemsByTeam, tallies.ByTeam);
        Assert.Equal(SmallFleet.ItemsByProgramme, tallies.ByProgramme);
        Assert.Equal(SmallFleet.RiskByTier, await reopened.Audits.GetRiskByTierAsync(runId));
        Assert.Equal([("flags", 6), ("billing", 2), ("checkout", 2)], (await reopened.Audits.ListHubsAsync(runId, 5)).Select(hub => (hub.ServiceId, hub.Facts.CriticalFanIn)));
        Assert.Equal(["flags", "billing", "checkout", "reports"], (await reopened.Audits.ListRiskiestAsync(runId, 5)).Select(ranked => ranked.ServiceId));
        Assert.Null(await reopened.Audits.GetChangesAsync(runId));
    }
}
