using Governance.Application.Browsing;
using Governance.Domain.Commands;
using Governance.Domain.Policies;
using Governance.Storage;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Browsing;

/// <summary>The waivers page's read: requests, approved waivers about to end, expired ones, and how many apply today.</summary>
public abstract class FleetWaiversTests : StoreTestBase
{
    private static readonly PolicySet Policies = new(
        [Policy("single-region"), Policy("no-timeout")],
        new TierTargets([]),
        "hash");

    [StoreFact]
    public async Task An_empty_store_has_no_waivers()
    {
        var waivers = await FleetWaivers.LoadAsync(Store, Clock);

        Assert.Equal((0, 0, 0, 0), (waivers.Requested.Count, waivers.Expiring.Count, waivers.Expired.Count, waivers.Active));
    }

    [StoreFact]
    public async Task Waivers_are_sorted_into_requests_expiring_soonest_first_and_expired_latest_first()
    {
        string[] ids = ["a", "b", "c", "d", "e", "f"];
        await Store.ApplyBatchAsync(new CatalogBatch([.. ids.Select(id => Storage.Tests.Support.Catalog.Service(id))], []), "importer");

        // Granted on 1 April 2025; read on 6 April, when the next 30 days run to 6 May.
        await ApproveAsync("a", "single-region", Day(4, 20));
        await ApproveAsync("a", "no-timeout", Day(9, 30));
        await RequestAsync("b", "single-region", Day(4, 25));
        await ApproveAsync("c", "single-region", Day(4, 3));
        await ApproveAsync("c", "no-timeout", Day(4, 4));
        await ApproveAsync("d", "single-region", Day(5, 6));
        await RequestAsync("d", "no-timeout", Day(5, 1));
        await DecideAsync("d", new RejectWaiver("no-timeout", "fix it"));
        await ApproveAsync("e", "single-region", Day(4, 6));
        await ApproveAsync("f", "single-region", Day(4, 5));
        Clock.Advance(TimeSpan.FromDays(5));

        var waivers = await FleetWaivers.LoadAsync(Store, Clock);

        Assert.Equal(["b/single-region"], Keys(waivers.Requested));
        Assert.Equal(["e/single-region", "a/single-region", "d/single-region"], Keys(waivers.Expiring));
        Assert.Equal(["f/single-region", "c/no-timeout", "c/single-region"], Keys(waivers.Expired));
        Assert.Equal(4, waivers.Active);
    }

    private static Policy Policy(string id) =>
        new(id, id, PolicyCategory.UnitsOfFailure, Severity.High, "why", "fix", PolicySelector.All, new PresenceCondition("footprint.regions", true));

    private static DateOnly Day(int month, int day) => new(2025, month, day);

    private static List<string> Keys(IEnumerable<ServiceWaiver> waivers) => [.. waivers.Select(row => $"{row.Service.Id}/{row.Waiver.TraitId}")];

    private async Task ApproveAsync(string serviceId, string traitId, DateOnly expires)
    {
        await RequestAsync(serviceId, traitId, expires);
        await DecideAsync(serviceId, new ApproveWaiver(traitId));
    }

    private async Task RequestAsync(string serviceId, string traitId, DateOnly expires) =>
        Assert.Equal(CommandStatus.Accepted, (await Store.ExecuteAsync(serviceId, new RequestWaiver(traitId, "accepted for now", expires), "user:priya", policies: Policies)).Status);

    private async Task DecideAsync(string serviceId, ServiceCommand decision) =>
        Assert.Equal(CommandStatus.Accepted, (await Store.ExecuteAsync(serviceId, decision, "user:sam", policies: Policies)).Status);
}
