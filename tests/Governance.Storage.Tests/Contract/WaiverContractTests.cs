using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Policies;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>The fleet's waivers, found and counted through the index that every service write keeps in its own transaction.</summary>
public abstract class WaiverContractTests : StoreTestBase
{
    private const string SingleRegion = "single-region";
    private const string NoTimeout = "no-timeout";

    // Two traits to waive, and waivers of at most a year.
    private static readonly PolicySet Policies = new(
        [Policy(SingleRegion), Policy(NoTimeout)],
        new TierTargets([]),
        "hash");

    [StoreFact]
    public async Task The_waiver_index_follows_requests_approvals_rejections_revocations_and_grain_commits()
    {
        await Store.ExecuteAsync("billing", Catalog.Service("billing", owner: "team-pay", tier: 0), "importer");
        await Store.ExecuteAsync("web", Catalog.Service("web", owner: "team-web", tier: 2), "importer");
        Assert.Null(await WaiverRowsAsync());

        await RequestAsync("billing", SingleRegion, Day(6, 30));
        Assert.Equal("billing|single-region|requested|2025-06-30", await WaiverRowsAsync());

        await DecideAsync("billing", new ApproveWaiver(SingleRegion));
        await RequestAsync("billing", NoTimeout, Day(5, 1));
        await RequestAsync("web", SingleRegion, Day(4, 20));
        await DecideAsync("web", new RejectWaiver(SingleRegion, "a second region is months away"));
        Assert.Equal(
            "billing|no-timeout|requested|2025-05-01 billing|single-region|approved|2025-06-30 web|single-region|rejected|2025-04-20",
            await WaiverRowsAsync());

        // A revoked waiver leaves the index; a new request replaces a rejection in place, with its own last day.
        await DecideAsync("billing", new RevokeWaiver(SingleRegion));
        await RequestAsync("web", SingleRegion, Day(5, 15));
        Assert.Equal("billing|no-timeout|requested|2025-05-01 web|single-region|requested|2025-05-15", await WaiverRowsAsync());

        // A redefinition keeps the waivers, and so their rows.
        await Store.ExecuteAsync("web", Catalog.Service("web", owner: "team-web", tier: 1), "importer");
        Assert.Equal("billing|no-timeout|requested|2025-05-01 web|single-region|requested|2025-05-15", await WaiverRowsAsync());

        // A grain's commit: the state it decided, with the request withdrawn.
        var decidedOn = (await Store.GetServiceAsync("web"))!;
        var committed = await Store.CommitServiceAsync(decidedOn.State with { Waivers = [] }, decidedOn, new RejectWaiver(SingleRegion, "withdrawn"), "user:priya");
        Assert.IsType<CommitOutcome.Committed>(committed);
        Assert.Equal("billing|no-timeout|requested|2025-05-01", await WaiverRowsAsync());

        // One decided on a version no longer stored writes nothing: neither the state nor its waivers.
        var stale = await Store.CommitServiceAsync(decidedOn.State, decidedOn, new RequestWaiver(SingleRegion, "again", Day(5, 15)), "user:priya");
        Assert.IsType<CommitOutcome.Stale>(stale);
        Assert.Equal("billing|no-timeout|requested|2025-05-01", await WaiverRowsAsync());
    }

    [StoreFact]
    public async Task Waivers_are_listed_by_service_and_trait_with_their_service_and_filtered_by_status_and_last_day()
    {
        await Store.ApplyBatchAsync(new CatalogBatch(
            [Catalog.Service("a", owner: "team-a", tier: 0), Catalog.Service("b", owner: "team-b", tier: 1), Catalog.Service("c", owner: "team-c", tier: 2), Catalog.Service("d")],
            []), "importer");
        await RequestAsync("a", SingleRegion, Day(4, 10));
        await DecideAsync("a", new ApproveWaiver(SingleRegion));
        await RequestAsync("a", NoTimeout, Day(6, 30));
        await DecideAsync("a", new ApproveWaiver(NoTimeout, "tracked in INC-7"));
        await RequestAsync("b", SingleRegion, Day(4, 5));
        await RequestAsync("c", SingleRegion, Day(4, 3));
        await DecideAsync("c", new ApproveWaiver(SingleRegion));
        await RequestAsync("c", NoTimeout, Day(5, 1));
        await DecideAsync("c", new RejectWaiver(NoTimeout, "fix it instead"));

        // Every waiver, each with its service's profile and what its state holds.
        var all = await Store.ListWaiversAsync(new WaiverQuery());
        Assert.Equal(
            [("a", "team-a", NoTimeout, WaiverStatus.Approved, Day(6, 30)), ("a", "team-a", SingleRegion, WaiverStatus.Approved, Day(4, 10)),
             ("b", "team-b", SingleRegion, WaiverStatus.Requested, Day(4, 5)), ("c", "team-c", NoTimeout, WaiverStatus.Rejected, Day(5, 1)),
             ("c", "team-c", SingleRegion, WaiverStatus.Approved, Day(4, 3))],
            all.Select(row => (row.Service.Id, row.Service.Owner, row.Waiver.TraitId, row.Waiver.Status, row.Waiver.Expires)));
        Assert.Equal(("tracked in INC-7", "user:priya", "user:sam"), (all[0].Waiver.DecisionReason, all[0].Waiver.RequestedBy, all[0].Waiver.DecidedBy));
        Assert.Equal(("fix it instead", "Service c"), (all[3].Waiver.DecisionReason, all[3].Service.Name));

        // The bounds of the last day are both included.
        Assert.Equal(["b/single-region"], Keys(await Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Requested))));
        Assert.Equal(["c/no-timeout"], Keys(await Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Rejected))));
        Assert.Equal(["a/single-region", "c/single-region"], Keys(await Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresUntil: Day(4, 10)))));
        Assert.Equal(["c/single-region"], Keys(await Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresUntil: Day(4, 9)))));
        Assert.Equal(["a/no-timeout", "a/single-region"], Keys(await Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresFrom: Day(4, 10)))));
        Assert.Equal(["a/single-region", "b/single-region", "c/no-timeout"], Keys(await Store.ListWaiversAsync(new WaiverQuery(ExpiresFrom: Day(4, 4), ExpiresUntil: Day(5, 1)))));
        Assert.Empty(await Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Requested, ExpiresFrom: Day(4, 6))));

        Assert.Equal(5, await Store.CountWaiversAsync(new WaiverQuery()));
        Assert.Equal(3, await Store.CountWaiversAsync(new WaiverQuery(WaiverStatus.Approved)));
        Assert.Equal(2, await Store.CountWaiversAsync(new WaiverQuery(WaiverStatus.Approved, ExpiresFrom: Day(4, 4))));
        Assert.Equal(0, await Store.CountWaiversAsync(new WaiverQuery(WaiverStatus.Requested, ExpiresUntil: Day(4, 4))));
    }

    [StoreFact]
    public async Task An_import_keeps_the_waiver_rows_and_the_listing_shows_the_services_new_profile()
    {
        await Store.ApplyBatchAsync(new CatalogBatch([Catalog.Service("a", owner: "team-a"), Catalog.Service("b", owner: "team-b")], []), "importer");
        await RequestAsync("a", SingleRegion, Day(4, 10));
        await RequestAsync("b", NoTimeout, Day(5, 10));
        await DecideAsync("b", new ApproveWaiver(NoTimeout));

        var rejected = await Store.ApplyBatchAsync(new CatalogBatch([Catalog.Service("a", owner: "team-z"), Catalog.Invalid("broken")], []), "importer");
        var dryRun = await Store.ApplyBatchAsync(new CatalogBatch([Catalog.Service("a", owner: "team-z")], []), "importer", dryRun: true);
        var applied = await Store.ApplyBatchAsync(new CatalogBatch([Catalog.Service("a", owner: "team-new", tier: 3), Catalog.Service("b", owner: "team-b"), Catalog.Service("c")], []), "importer");

        Assert.Equal((false, false, true, 1, 1), (rejected.Applied, dryRun.Applied, applied.Applied, applied.Created, applied.Updated));
        Assert.Equal("a|single-region|requested|2025-04-10 b|no-timeout|approved|2025-05-10", await WaiverRowsAsync());
        var listed = await Store.ListWaiversAsync(new WaiverQuery());
        Assert.Equal([("a", "team-new", 3), ("b", "team-b", 1)], listed.Select(row => (row.Service.Id, row.Service.Owner, row.Service.Tier)));
    }

    [StoreFact]
    public async Task The_migration_fills_the_waiver_index_from_the_states_stored_before_it()
    {
        await Store.ApplyBatchAsync(new CatalogBatch([Catalog.Service("a"), Catalog.Service("b"), Catalog.Service("c")], []), "importer");
        await RequestAsync("a", SingleRegion, Day(4, 10));
        await DecideAsync("a", new ApproveWaiver(SingleRegion));
        await RequestAsync("a", NoTimeout, Day(6, 1));
        await RequestAsync("c", NoTimeout, Day(5, 2));
        await DecideAsync("c", new RejectWaiver(NoTimeout, "no"));

        // The store as it was before migration 0009, a's approved waiver written as before requests existed (no status).
        await Database.ExecuteAsync("""
            UPDATE services SET state = replace(state, '"status":"approved",', '') WHERE id = 'a';
            DROP TABLE service_waivers;
            DELETE FROM schema_migrations WHERE version = 9;
            """);
        Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync("""SELECT COUNT(*) FROM services WHERE state LIKE '%"approved"%'"""), System.Globalization.CultureInfo.InvariantCulture));
        var reopened = await OpenStoreAsync();

        Assert.Equal("a|no-timeout|requested|2025-06-01 a|single-region|approved|2025-04-10 c|no-timeout|rejected|2025-05-02", await WaiverRowsAsync());
        Assert.Equal(["a/single-region"], Keys(await reopened.ListWaiversAsync(new WaiverQuery(WaiverStatus.Approved))));
    }

    private static Policy Policy(string id) =>
        new(id, id, PolicyCategory.UnitsOfFailure, Severity.High, "why", "fix", PolicySelector.All, new PresenceCondition("footprint.regions", true));

    private static DateOnly Day(int month, int day) => new(2025, month, day);

    private static List<string> Keys(IEnumerable<ServiceWaiver> waivers) => [.. waivers.Select(row => $"{row.Service.Id}/{row.Waiver.TraitId}")];

    private async Task RequestAsync(string serviceId, string traitId, DateOnly expires) =>
        Assert.Equal(CommandStatus.Accepted, (await Store.ExecuteAsync(serviceId, new RequestWaiver(traitId, "accepted for now", expires), "user:priya", policies: Policies)).Status);

    private async Task DecideAsync(string serviceId, ServiceCommand decision) =>
        Assert.Equal(CommandStatus.Accepted, (await Store.ExecuteAsync(serviceId, decision, "user:sam", policies: Policies)).Status);

    /// <summary>Every row of the index as <c>service|trait|status|expires</c>, ordered.</summary>
    private async Task<string?> WaiverRowsAsync() =>
        await Database.ScalarAsync("SELECT string_agg(service_id || '|' || trait_id || '|' || status || '|' || expires, ' ' ORDER BY service_id, trait_id) FROM service_waivers") as string;
}
