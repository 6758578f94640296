using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Commands, reads and queries, written once and run against every dialect.</summary>
public abstract class StoreContractTests : StoreTestBase
{
    [StoreFact]
    public async Task A_service_is_created_read_and_updated_with_versions_and_history()
    {
        var created = await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        var createdAt = HistoryEntry.Normalize(Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromMinutes(5));
        var redefine = Catalog.Service("checkout", owner: "team-checkout", tier: 0);
        var updated = await Store.ExecuteAsync("checkout", redefine, "bob");

        Assert.Equal((CommandStatus.Accepted, 1L, 1), (created.Status, created.Version, created.Attempts));
        Assert.Equal((CommandStatus.Accepted, 2L), (updated.Status, updated.Version));
        var stored = await Store.GetServiceAsync("checkout");
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Version);
        Assert.Equal(HistoryEntry.Normalize(Clock.GetUtcNow()), stored.UpdatedAt);
        Assert.Equal(DomainJson.Serialize(updated.State), DomainJson.Serialize(stored.State));
        Assert.Equal(("team-checkout", 0), (stored.State.Profile.Owner, stored.State.Profile.Tier));

        var history = await HistoryAsync("service:checkout");
        Assert.Equal([1L, 2L], history.Select(entry => entry.Sequence));
        Assert.Equal([1L, 2L], history.Select(entry => entry.Version));
        Assert.Equal(["alice", "bob"], history.Select(entry => entry.Actor));
        Assert.All(history, entry => Assert.Equal(DefineService.CommandName, entry.Command));
        Assert.Equal(DomainJson.Serialize<ServiceCommand>(redefine), history[1].Payload);
        Assert.Contains("\"command\":\"define-service\"", history[1].Payload, StringComparison.Ordinal);
        Assert.Equal([createdAt, HistoryEntry.Normalize(Clock.GetUtcNow())], history.Select(entry => entry.RecordedAt));
        Assert.Equal(history[0].Hash, history[1].PreviousHash);
    }

    [StoreFact]
    public async Task A_missing_service_reads_as_null()
    {
        Assert.Null(await Store.GetServiceAsync("nowhere"));
    }

    [StoreFact]
    public async Task An_unchanged_command_writes_nothing_and_adds_no_history()
    {
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        var before = await Store.GetServiceAsync("checkout");
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "bob");

        Assert.Equal((CommandStatus.Unchanged, 1L), (again.Status, again.Version));
        Assert.Empty(again.Errors);
        var after = await Store.GetServiceAsync("checkout");
        Assert.Equal((before!.Version, before.UpdatedAt), (after!.Version, after.UpdatedAt));
        Assert.Single(await HistoryAsync());
    }

    [StoreFact]
    public async Task A_rejected_command_writes_nothing()
    {
        var rejected = await Store.ExecuteAsync("broken", Catalog.Invalid("broken"), "alice");

        Assert.Equal((CommandStatus.Rejected, 0L), (rejected.Status, rejected.Version));
        Assert.Null(rejected.State);
        Assert.Equal(["footprint.zones"], rejected.Errors.Select(error => error.Field));
        Assert.Null(await Store.GetServiceAsync("broken"));
        Assert.Empty(await HistoryAsync());
        Assert.Equal(0, await CountAsync("services"));
    }

    [StoreFact]
    public async Task A_rejected_command_on_an_existing_service_leaves_it_as_it_was()
    {
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        await Store.ExecuteAsync("checkout", Catalog.Item("fix-timeouts"), "alice");

        var duplicate = await Store.ExecuteAsync("checkout", Catalog.Item("fix-timeouts"), "bob");

        Assert.Equal((CommandStatus.Rejected, 2L), (duplicate.Status, duplicate.Version));
        Assert.Equal(["item.id"], duplicate.Errors.Select(error => error.Field));
        Assert.Equal(2, (await Store.GetServiceAsync("checkout"))!.Version);
        Assert.Equal(2, (await HistoryAsync()).Count);
    }

    [StoreFact]
    public async Task A_command_addressed_to_another_service_is_rejected()
    {
        var result = await Store.ExecuteAsync("checkout", Catalog.Service("billing"), "alice");

        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(["id"], result.Errors.Select(error => error.Field));
        Assert.Equal(0, await CountAsync("services"));
    }

    [StoreFact]
    public async Task Stale_write_with_an_expected_version_is_refused()
    {
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        var first = await Store.ExecuteAsync("checkout", Catalog.Service("checkout", owner: "team-a"), "alice", expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.ExecuteAsync("checkout", Catalog.Service("checkout", owner: "team-b"), "bob", expectedVersion: 1));

        Assert.Equal((CommandStatus.Accepted, 2L), (first.Status, first.Version));
        Assert.Equal(("service:checkout", 1L, 2L), (conflict.Subject, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Contains("service:checkout", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("expected version 1", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("stored version is 2", conflict.Message, StringComparison.Ordinal);
        var stored = await Store.GetServiceAsync("checkout");
        Assert.Equal(("team-a", 2L), (stored!.State.Profile.Owner, stored.Version));
        Assert.Equal(2, (await HistoryAsync()).Count);
    }

    [StoreFact]
    public async Task Creating_with_expected_version_zero_fails_when_the_service_exists()
    {
        var created = await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice", expectedVersion: 0);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.ExecuteAsync("checkout", Catalog.Service("checkout", owner: "team-b"), "bob", expectedVersion: 0));

        Assert.Equal(CommandStatus.Accepted, created.Status);
        Assert.Equal((0L, 1L), (conflict.ExpectedVersion, conflict.ActualVersion));
    }

    [StoreFact]
    public async Task Completing_an_item_records_the_time_of_the_store_clock()
    {
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        await Store.ExecuteAsync("checkout", Catalog.Item("add-cache"), "alice");
        Clock.Advance(TimeSpan.FromDays(30));

        var done = await Store.ExecuteAsync("checkout", new ChangeRemediationStatus("add-cache", RemediationStatus.Done), "alice");

        var item = Assert.Single((await Store.GetServiceAsync("checkout"))!.State.RemediationItems);
        Assert.Equal((CommandStatus.Accepted, 3L), (done.Status, done.Version));
        Assert.Equal((RemediationStatus.Done, Clock.GetUtcNow()), (item.Status, item.CompletedAt));
    }

    [StoreFact]
    public async Task Entities_are_created_versioned_and_listed_by_kind()
    {
        var team = await Store.ExecuteAsync("group", "payments", Catalog.Group("payments"), "alice");
        var same = await Store.ExecuteAsync("group", "payments", Catalog.Group("payments"), "alice");
        var moved = await Store.ExecuteAsync("group", "payments", Catalog.Group("payments", parent: "finance"), "alice");
        await Store.ExecuteAsync("group", "finance", Catalog.Group("finance"), "alice");
        var wrongAddress = await Store.ExecuteAsync("group", "other", Catalog.Group("payments"), "alice");

        Assert.Equal([CommandStatus.Accepted, CommandStatus.Unchanged, CommandStatus.Accepted, CommandStatus.Rejected], new[] { team.Status, same.Status, moved.Status, wrongAddress.Status });
        Assert.Equal(2, moved.Version);
        var groups = await Store.ListEntitiesAsync("group");
        Assert.Equal(["finance", "payments"], groups.Select(entity => entity.State.Id));
        Assert.Equal([1L, 2L], groups.Select(entity => entity.Version));
        Assert.Equal("finance", groups[1].State.Parent);
        Assert.Empty(await Store.ListEntitiesAsync("system"));
        Assert.Equal([1L, 2L], (await HistoryAsync("group:payments")).Select(entry => entry.Version));
        Assert.Equal(DomainJson.Serialize<EntityCommand>(Catalog.Group("payments", parent: "finance")), (await HistoryAsync("group:payments"))[1].Payload);
    }

    [StoreFact]
    public async Task Services_are_listed_by_id_and_filtered_by_owner_and_tier()
    {
        // Ordinal order: '-' < '.' < letters, whatever the database's locale would say.
        (string Id, string Owner, int? Tier)[] services = [("ab", "team-a", 0), ("a.b", "team-b", 1), ("a-c", "team-a", 1), ("zeta", "team-a", null), ("b", "team-b", 0)];
        foreach (var (id, owner, tier) in services)
        {
            await Store.ExecuteAsync(id, Catalog.Service(id, owner, tier), "alice");
        }

        async Task<string[]> Ids(ServiceQuery query) => [.. (await Store.ListServicesAsync(query)).Select(service => service.State.Id)];

        Assert.Equal(["a-c", "a.b", "ab", "b", "zeta"], await Ids(ServiceQuery.All));
        Assert.Equal(["a-c", "ab", "zeta"], await Ids(new ServiceQuery(Owner: "team-a")));
        Assert.Equal(["ab", "b"], await Ids(new ServiceQuery(Tier: 0)));
        Assert.Equal(["a-c"], await Ids(new ServiceQuery(Owner: "team-a", Tier: 1)));
        Assert.Empty(await Ids(new ServiceQuery(Owner: "nobody")));
    }

    [StoreFact]
    public async Task History_is_read_per_subject_in_sequence_order()
    {
        await Store.ExecuteAsync("a", Catalog.Service("a"), "alice");
        await Store.ExecuteAsync("b", Catalog.Service("b"), "alice");
        await Store.ExecuteAsync("a", Catalog.Item("one"), "alice");
        await Store.ExecuteAsync("group", "team-a", Catalog.Group("team-a"), "alice");
        await Store.ExecuteAsync("a", Catalog.Item("two"), "alice");

        var ofA = await HistoryAsync("service:a");
        var all = await HistoryAsync();

        Assert.Equal([1L, 3L, 5L], ofA.Select(entry => entry.Sequence));
        Assert.Equal([DefineService.CommandName, OpenRemediationItem.CommandName, OpenRemediationItem.CommandName], ofA.Select(entry => entry.Command));
        Assert.Equal(["service:a", "service:b", "service:a", "group:team-a", "service:a"], all.Select(entry => entry.Subject));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], all.Select(entry => entry.Sequence));
        Assert.Empty(await HistoryAsync("service:nobody"));
    }

    [StoreFact]
    public async Task An_intact_history_verifies()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.ExecuteAsync($"svc-{i}", Catalog.Service($"svc-{i}"), "alice");
            Clock.Advance(TimeSpan.FromTicks(7));
        }

        var verification = await Store.VerifyHistoryAsync();
        var last = (await HistoryAsync())[^1];

        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(5, verification.EntriesChecked);
        Assert.Equal(new HistoryHead(5, last.Hash), verification.Head);
        Assert.Equal(last.Hash, last.Recompute());
    }

    [StoreFact]
    public async Task An_empty_history_verifies()
    {
        var verification = await Store.VerifyHistoryAsync();

        Assert.True(verification.IsIntact);
        Assert.Equal((0L, HistoryHead.Empty), (verification.EntriesChecked, verification.Head));
    }

    [StoreFact]
    public async Task Opening_twice_applies_migrations_once_and_keeps_the_data()
    {
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");

        var second = await OpenStoreAsync();
        var third = await OpenStoreAsync();

        // Every migration this build ships for the dialect, each recorded once.
        var shipped = typeof(GovernanceStore).Assembly.GetManifestResourceNames().Count(name => name.Contains($".{Database.Dialect}.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal(shipped, await CountAsync("schema_migrations"));
        Assert.Equal(1, (await third.GetServiceAsync("checkout"))!.Version);
        Assert.Equal((1L, 1L), ((await second.GetStatisticsAsync()).Services, (await second.GetStatisticsAsync()).HistoryEntries));
        Assert.Equal(Database.Dialect, second.Dialect);
    }

    [StoreFact]
    public async Task Statistics_count_services_entities_by_kind_and_history()
    {
        await Store.ExecuteAsync("a", Catalog.Service("a"), "alice");
        await Store.ExecuteAsync("a", Catalog.Item("one"), "alice");
        await Store.ExecuteAsync("group", "team-a", Catalog.Group("team-a"), "alice");
        await Store.ExecuteAsync("group", "team-b", Catalog.Group("team-b"), "alice");
        await Store.ExecuteAsync("system", "billing", new DefineEntity(new CatalogEntity("system", "billing", "Billing")), "alice");

        var statistics = await Store.GetStatisticsAsync();

        Assert.Equal(1, statistics.Services);
        Assert.Equal(new Dictionary<string, long> { ["group"] = 2, ["system"] = 1 }, statistics.EntitiesByKind);
        Assert.Equal(5, statistics.HistoryEntries);
    }
}
