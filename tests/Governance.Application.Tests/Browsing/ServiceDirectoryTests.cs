using Governance.Application.Browsing;
using Governance.Domain.Audit;
using Governance.Storage.Browsing;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Browsing;

/// <summary>The services list as a form asks for it: blank fields filter nothing, a team may be a reference, pages follow each other.</summary>
public abstract class ServiceDirectoryTests : StoreTestBase
{
    [StoreFact]
    public async Task An_empty_store_has_no_services_on_its_first_page()
    {
        var page = await ServiceDirectory.SearchAsync(Store, new ServiceSearch());

        Assert.Empty(page.Services);
        Assert.Equal((0, 0, (long?)null), (page.Total, page.Pages, page.RunId));
    }

    [StoreFact]
    public async Task Blank_fields_filter_nothing()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var page = await ServiceDirectory.SearchAsync(Store, new ServiceSearch(Text: " ", Team: "", Lifecycle: "  ", PageSize: 3));

        Assert.Equal([SmallFleet.Listings["batch_jobs"], SmallFleet.Listings["billing"], SmallFleet.Listings["checkout"]], page.Services);
        Assert.Equal((7, 3), (page.Total, page.Pages));
    }

    [StoreFact]
    public async Task A_team_may_be_written_as_a_group_reference_and_fields_are_trimmed()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var page = await ServiceDirectory.SearchAsync(Store, new ServiceSearch(Team: " group:team-data ", Lifecycle: " production ", Sort: ServiceSort.Risk));

        Assert.Equal([SmallFleet.Listings["batch_jobs"], SmallFleet.Listings["wiki"]], page.Services);
    }

    [StoreFact]
    public async Task The_riskiest_services_of_a_tier_come_page_by_page()
    {
        await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());
        var search = new ServiceSearch(Tier: 0, Sort: ServiceSort.Risk, PageSize: 1);

        var first = await ServiceDirectory.SearchAsync(Store, search);
        var second = await ServiceDirectory.SearchAsync(Store, search with { Page = 2 });
        var high = await ServiceDirectory.SearchAsync(Store, search with { Level = RiskLevel.High });

        Assert.Equal([SmallFleet.Listings["flags"]], first.Services);
        Assert.Equal([SmallFleet.Listings["billing"]], second.Services);
        Assert.Equal((2, 2), (first.Total, first.Pages));
        Assert.Equal([SmallFleet.Listings["billing"]], high.Services);
        Assert.Equal(1, high.Total);
    }
}
