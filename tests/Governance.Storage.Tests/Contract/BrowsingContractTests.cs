using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Storage.Browsing;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>What the services list and the fleet overview read: a page of services, the fleet's counts, remediation progress.</summary>
public abstract class BrowsingContractTests : StoreTestBase
{
    private static readonly ServiceListing BatchJobs = SmallFleet.Listings["batch_jobs"];
    private static readonly ServiceListing Billing = SmallFleet.Listings["billing"];
    private static readonly ServiceListing Checkout = SmallFleet.Listings["checkout"];
    private static readonly ServiceListing Flags = SmallFleet.Listings["flags"];
    private static readonly ServiceListing Newcomer = SmallFleet.Listings["newcomer"];
    private static readonly ServiceListing Reports = SmallFleet.Listings["reports"];
    private static readonly ServiceListing Wiki = SmallFleet.Listings["wiki"];

    [StoreFact]
    public async Task An_empty_store_has_an_empty_first_page_and_no_counts()
    {
        var page = await Store.SearchServicesAsync(new ServiceSearch());

        Assert.Equal((0, 0, 1, 50, (long?)null), (page.Services.Count, page.Total, page.Page, page.PageSize, page.RunId));
        Assert.Equal(0, page.Pages);
        Assert.Empty(await Store.CountServicesAsync());
        var tallies = await Store.TallyRemediationAsync(SmallFleet.Today);
        Assert.Empty(tallies.ByTeam);
        Assert.Empty(tallies.ByProgramme);
    }

    [StoreFact]
    public async Task The_first_page_lists_every_service_by_id_with_its_risk_at_the_latest_audit()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var page = await Store.SearchServicesAsync(new ServiceSearch());

        Assert.Equal([BatchJobs, Billing, Checkout, Flags, Newcomer, Reports, Wiki], page.Services);
        Assert.Equal((7, 1, (long?)runId), (page.Total, page.Pages, page.RunId));
    }

    [StoreFact]
    public async Task Before_any_audit_no_service_has_a_risk_and_none_matches_a_level()
    {
        await Store.ApplyBatchAsync(new CatalogBatch([.. SmallFleet.Definitions()], []), "importer");

        var page = await Store.SearchServicesAsync(new ServiceSearch(PageSize: 2));
        var none = await Store.SearchServicesAsync(new ServiceSearch(Level: RiskLevel.None));

        Assert.Equal([BatchJobs with { Risk = null }, Billing with { Risk = null }], page.Services);
        Assert.Equal((6, 3, (long?)null), (page.Total, page.Pages, page.RunId));
        Assert.Equal((0, 0), (none.Services.Count, none.Total));
    }

    [StoreFact]
    public async Task Text_matches_part_of_the_id_or_the_name_whatever_the_case_and_takes_wildcards_literally()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        Assert.Equal(["checkout"], await IdsAsync(new ServiceSearch(Text: "  CHECK ")));
        Assert.Equal(["flags"], await IdsAsync(new ServiceSearch(Text: "atlas")));
        Assert.Equal(["batch_jobs", "reports"], await IdsAsync(new ServiceSearch(Text: "50")));
        Assert.Equal(["batch_jobs"], await IdsAsync(new ServiceSearch(Text: "50%")));
        Assert.Equal(["batch_jobs"], await IdsAsync(new ServiceSearch(Text: "_")));
        Assert.Equal(["batch_jobs"], await IdsAsync(new ServiceSearch(Text: "%")));
        Assert.Equal(7, (await Store.SearchServicesAsync(new ServiceSearch(Text: "   "))).Total);
    }

    [StoreFact]
    public async Task Team_tier_lifecycle_and_level_filter_and_combine()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        Assert.Equal(["billing", "checkout"], await IdsAsync(new ServiceSearch(Team: "team-payments")));
        Assert.Equal(["billing", "flags"], await IdsAsync(new ServiceSearch(Tier: 0)));
        Assert.Equal(["reports"], await IdsAsync(new ServiceSearch(Lifecycle: "deprecated")));
        Assert.Equal(["billing"], await IdsAsync(new ServiceSearch(Level: RiskLevel.High)));
        Assert.Equal(["flags"], await IdsAsync(new ServiceSearch(Tier: 0, Level: RiskLevel.Critical)));
        Assert.Empty(await IdsAsync(new ServiceSearch(Team: "team-payments", Level: RiskLevel.Critical)));
        Assert.Equal(["reports", "wiki"], await IdsAsync(new ServiceSearch(Team: "team-data", Tier: 3)));

        // None is audited with nothing that counts: a waived trait counts nothing; a service the run did not audit is not none.
        var none = await Store.SearchServicesAsync(new ServiceSearch(Level: RiskLevel.None));
        Assert.Equal([BatchJobs, Wiki], none.Services);
        Assert.Equal(2, none.Total);
    }

    [StoreFact]
    public async Task Every_order_ends_with_the_id()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        Assert.Equal(["flags", "batch_jobs", "billing", "checkout", "newcomer", "reports", "wiki"], await IdsAsync(new ServiceSearch(Sort: ServiceSort.Name)));
        Assert.Equal(["billing", "flags", "checkout", "batch_jobs", "reports", "wiki", "newcomer"], await IdsAsync(new ServiceSearch(Sort: ServiceSort.Tier)));
        Assert.Equal(["flags", "billing", "checkout", "reports", "batch_jobs", "newcomer", "wiki"], await IdsAsync(new ServiceSearch(Sort: ServiceSort.Risk)));
        Assert.Equal(["reports", "batch_jobs", "wiki"], await IdsAsync(new ServiceSearch(Team: "team-data", Sort: ServiceSort.Risk)));
    }

    [StoreFact]
    public async Task Pages_follow_each_other_and_count_every_match()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var second = await Store.SearchServicesAsync(new ServiceSearch(Page: 2, PageSize: 3));
        var third = await Store.SearchServicesAsync(new ServiceSearch(Page: 3, PageSize: 3));
        var beyond = await Store.SearchServicesAsync(new ServiceSearch(Page: 4, PageSize: 3));
        var riskiestSecond = await Store.SearchServicesAsync(new ServiceSearch(Sort: ServiceSort.Risk, Page: 2, PageSize: 2));

        Assert.Equal([Flags, Newcomer, Reports], second.Services);
        Assert.Equal([Wiki], third.Services);
        Assert.Empty(beyond.Services);
        Assert.Equal((7, 3, 7, 4), (second.Total, second.Pages, beyond.Total, beyond.Page));
        Assert.Equal([Checkout, Reports], riskiestSecond.Services);
    }

    [StoreFact]
    public async Task A_page_outside_the_limits_is_refused()
    {
        var page = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchServicesAsync(new ServiceSearch(Page: 0)));
        var size = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SearchServicesAsync(new ServiceSearch(PageSize: ServiceSearch.MaxPageSize + 1)));

        Assert.Equal("Page", page.ParamName);
        Assert.Equal("PageSize", size.ParamName);
    }

    [StoreFact]
    public async Task Services_are_counted_by_tier_and_exposure()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        Assert.Equal(
            [
                new TierExposureCount(0, UnitOfFailure.Host, 1),
                new TierExposureCount(0, UnitOfFailure.None, 1),
                new TierExposureCount(1, UnitOfFailure.Region, 1),
                new TierExposureCount(2, UnitOfFailure.Region, 1),
                new TierExposureCount(3, UnitOfFailure.Zone, 1),
                new TierExposureCount(3, UnitOfFailure.Region, 1),
                new TierExposureCount(null, null, 1),
            ],
            await Store.CountServicesAsync());
    }

    [StoreFact]
    public async Task Remediation_items_are_counted_by_team_and_programme_with_the_overdue_ones()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var tallies = await Store.TallyRemediationAsync(SmallFleet.Today);

        Assert.Equal(SmallFleet.ItemsByTeam, tallies.ByTeam);
        Assert.Equal(SmallFleet.ItemsByProgramme, tallies.ByProgramme);
        Assert.Equal(0, (await Store.TallyRemediationAsync(new DateOnly(2025, 3, 31))).ByTeam[0].Overdue);
        Assert.Equal(2, (await Store.TallyRemediationAsync(new DateOnly(2025, 7, 1))).ByTeam[0].Overdue);
    }

    [StoreFact]
    public async Task What_lists_and_counts_read_changes_with_the_service()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        await Store.ExecuteAsync("billing", new ChangeRemediationStatus("B-1", RemediationStatus.Done), "alice");
        await Store.ExecuteAsync("checkout", SmallFleet.Define("checkout", "Checkout API", "team-platform", 1, "production", new Footprint(1, 1, 1, 1)), "alice");
        await Store.ExecuteAsync("checkout", new OpenRemediationItem(new RemediationItem("C-2", "Add a cache") { OpenedOn = SmallFleet.Today }), "alice");

        var tallies = await Store.TallyRemediationAsync(SmallFleet.Today);
        Assert.Equal([new RemediationTally("team-payments", 2, 2, 0, 0, 0), new RemediationTally("team-platform", 3, 0, 2, 1, 0)], tallies.ByTeam);
        Assert.Equal([new RemediationTally(null, 2, 0, 1, 1, 0), new RemediationTally("INC-1", 3, 2, 1, 0, 0)], tallies.ByProgramme);
        var checkout = Assert.Single((await Store.SearchServicesAsync(new ServiceSearch(Text: "checkout"))).Services);
        Assert.Equal(Checkout with { Team = "team-platform", Exposure = UnitOfFailure.Host, OpenItems = 2 }, checkout);
        Assert.Equal(0, Assert.Single((await Store.SearchServicesAsync(new ServiceSearch(Text: "billing"))).Services).OpenItems);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(ServiceSearch search) =>
        [.. (await Store.SearchServicesAsync(search)).Services.Select(service => service.Id)];
}
