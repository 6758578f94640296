using Governance.Domain.Catalog;
using Governance.Domain.Identity;
using Governance.Domain.Remediation;

namespace Governance.Domain.Tests;

public sealed class CustomerRestrictionTests
{
    private static readonly RemediationItem Restricted = new("FES-36", "Move Northwind Bank off v2")
    {
        Description = "Northwind's cut-over date is in its contract",
        Owner = "jonah",
        Status = RemediationStatus.InProgress,
        Priority = Priority.High,
        OpenedOn = new DateOnly(2021, 7, 6),
        Eta = new DateOnly(2021, 12, 31),
        CustomerFacing = "We retired an old endpoint.",
        CustomerRestricted = true,
    };

    private static readonly RemediationItem Open = new("FES-37", "Automate failover") { Owner = "priya" };

    private static readonly ServiceState Service = new(new ServiceProfile("feature-enablement", "Feature Service")) { RemediationItems = [Restricted, Open] };

    [Fact]
    public void A_viewer_sees_that_a_restricted_item_exists_and_where_it_stands_but_not_what_it_says()
    {
        var viewer = new Account("vic", new HashSet<Role> { Role.Viewer });

        var seen = CustomerRestriction.For(viewer, Service);

        var item = seen.RemediationItems[0];
        Assert.Equal(("FES-36", CustomerRestriction.WithheldTitle, RemediationStatus.InProgress, Priority.High), (item.Id, item.Title, item.Status, item.Priority));
        Assert.Equal((new DateOnly(2021, 7, 6), (DateOnly?)new DateOnly(2021, 12, 31)), (item.OpenedOn, item.Eta));
        Assert.Null(item.Description);
        Assert.Null(item.Owner);
        Assert.Null(item.CustomerFacing);
        Assert.Same(Open, seen.RemediationItems[1]);
    }

    [Theory]
    [InlineData(Role.Owner)]
    [InlineData(Role.Approver)]
    [InlineData(Role.Leader)]
    [InlineData(Role.Administrator)]
    public void Every_other_role_sees_the_whole_item(Role role)
    {
        var reader = new Account("reader", new HashSet<Role> { role, Role.Viewer }, "another-team");

        Assert.Same(Service, CustomerRestriction.For(reader, Service));
        Assert.Same(Restricted, CustomerRestriction.For(reader, Restricted));
    }

    [Fact]
    public void A_service_without_restricted_items_is_the_same_for_a_viewer()
    {
        var service = Service with { RemediationItems = [Open] };

        Assert.Same(service, CustomerRestriction.For(new Account("vic", new HashSet<Role> { Role.Viewer }), service));
    }
}
