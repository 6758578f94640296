using Governance.Domain.Commands;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Catalog batches: all or nothing, dry runs, and re-imports that change nothing.</summary>
public abstract class BatchContractTests : StoreTestBase
{
    private static CatalogBatch Batch(int services, params string[] groups) => new(
        [.. Enumerable.Range(0, services).Select(i => Catalog.Service($"svc-{i:D3}", owner: $"team-{i % 3}", tier: i % 4))],
        [.. groups.Select(group => Catalog.Group(group))]);

    [StoreFact]
    public async Task A_batch_creates_every_subject_with_one_history_entry_each()
    {
        var result = await Store.ApplyBatchAsync(Batch(40, "team-0", "team-1", "team-2"), "importer");

        Assert.True(result.Applied);
        Assert.Equal((43, 0, 0, 0), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        Assert.All(result.Changes, change => Assert.Equal(1, change.Version));
        Assert.Equal("service:svc-000", result.Changes[0].Subject);
        Assert.Equal("group:team-2", result.Changes[^1].Subject);
        var statistics = await Store.GetStatisticsAsync();
        Assert.Equal((40L, 3L, 43L), (statistics.Services, statistics.EntitiesByKind["group"], statistics.HistoryEntries));
        var history = await HistoryAsync();
        Assert.Equal(result.Changes.Select(change => change.Subject), history.Select(entry => entry.Subject));
        Assert.All(history, entry => Assert.Equal("importer", entry.Actor));
        Assert.True((await Store.VerifyHistoryAsync()).IsIntact);
    }

    [StoreFact]
    public async Task One_bad_service_means_nothing_is_written_and_the_rejection_is_listed()
    {
        await Store.ExecuteAsync("svc-001", Catalog.Service("svc-001", owner: "old-owner"), "alice");
        var batch = Batch(30, "team-0");
        batch = batch with { Services = [.. batch.Services.Take(17), Catalog.Invalid("svc-017"), .. batch.Services.Skip(18)] };

        var result = await Store.ApplyBatchAsync(batch, "importer");

        Assert.False(result.Applied);
        Assert.Equal(1, result.Rejected);
        var rejection = Assert.Single(result.Changes, change => change.Kind == ChangeKind.Rejected);
        Assert.Equal("service:svc-017", rejection.Subject);
        Assert.Equal(["footprint.zones"], rejection.Errors.Select(error => error.Field));
        Assert.Equal(1, await CountAsync("services"));
        Assert.Equal(0, await CountAsync("catalog_entities"));
        Assert.Equal(1, await CountAsync("history"));
        Assert.Equal(("old-owner", 1L), ((await Store.GetServiceAsync("svc-001"))!.State.Profile.Owner, (await Store.GetServiceAsync("svc-001"))!.Version));
    }

    [StoreFact]
    public async Task A_dry_run_reports_the_changes_and_writes_nothing()
    {
        var result = await Store.ApplyBatchAsync(Batch(25, "team-0"), "importer", dryRun: true);

        Assert.False(result.Applied);
        Assert.Equal((26, 0), (result.Created, result.Rejected));
        Assert.Equal(0, await CountAsync("services"));
        Assert.Equal(0, await CountAsync("catalog_entities"));
        Assert.Equal(0, await CountAsync("history"));
        Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync("SELECT sequence FROM history_head"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await Store.VerifyHistoryAsync()).IsIntact);
    }

    [StoreFact]
    public async Task Importing_the_same_batch_again_changes_nothing()
    {
        await Store.ApplyBatchAsync(Batch(30, "team-0", "team-1"), "importer");
        Clock.Advance(TimeSpan.FromDays(1));

        var again = await Store.ApplyBatchAsync(Batch(30, "team-0", "team-1"), "importer");

        Assert.True(again.Applied);
        Assert.Equal((0, 0, 32, 0), (again.Created, again.Updated, again.Unchanged, again.Rejected));
        Assert.All(again.Changes, change => Assert.Equal(1, change.Version));
        Assert.Equal(32, await CountAsync("history"));
        Assert.All(await Store.ListServicesAsync(ServiceQuery.All), service => Assert.Equal(1, service.Version));
    }

    [StoreFact]
    public async Task A_changed_batch_updates_only_what_changed()
    {
        await Store.ApplyBatchAsync(Batch(10, "team-0"), "importer");
        var batch = Batch(10, "team-0");
        batch = batch with { Services = [.. batch.Services.Select(define => define.Profile.Id == "svc-004" ? Catalog.Service("svc-004", owner: "team-new") : define)] };

        var result = await Store.ApplyBatchAsync(batch, "importer");

        Assert.Equal((0, 1, 10, 0), (result.Created, result.Updated, result.Unchanged, result.Rejected));
        Assert.Equal(new SubjectChange("service:svc-004", ChangeKind.Updated, 2, []).ToString(), result.Changes[4].ToString());
        Assert.Equal(("team-new", 2L), ((await Store.GetServiceAsync("svc-004"))!.State.Profile.Owner, (await Store.GetServiceAsync("svc-004"))!.Version));
        Assert.Equal(12, await CountAsync("history"));
        Assert.Equal([1L, 2L], (await HistoryAsync("service:svc-004")).Select(entry => entry.Version));
    }

    [StoreFact]
    public async Task A_subject_defined_twice_in_one_batch_is_created_then_updated()
    {
        var batch = new CatalogBatch([Catalog.Service("twice"), Catalog.Service("twice", owner: "team-b")], []);

        var result = await Store.ApplyBatchAsync(batch, "importer");

        Assert.Equal([ChangeKind.Created, ChangeKind.Updated], result.Changes.Select(change => change.Kind));
        Assert.Equal([1L, 2L], result.Changes.Select(change => change.Version));
        Assert.Equal(("team-b", 2L), ((await Store.GetServiceAsync("twice"))!.State.Profile.Owner, (await Store.GetServiceAsync("twice"))!.Version));
        Assert.Equal([1L, 2L], (await HistoryAsync("service:twice")).Select(entry => entry.Version));
    }

    [StoreFact]
    public async Task A_large_batch_is_written_in_several_round_trips_and_reimported_unchanged()
    {
        var first = await Store.ApplyBatchAsync(Batch(2_000, "team-0"), "importer");
        var second = await Store.ApplyBatchAsync(Batch(2_000, "team-0"), "importer");

        Assert.Equal((2_001, 2_001), (first.Created, second.Unchanged));
        Assert.Equal(2_000, await CountAsync("services"));
        Assert.Equal(2_001, await CountAsync("history"));
        Assert.Equal(500, (await Store.ListServicesAsync(new ServiceQuery(Tier: 3))).Count);
        var verification = await Store.VerifyHistoryAsync();
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(2_001, verification.EntriesChecked);
    }

    [StoreFact]
    public async Task A_history_head_that_never_moves_is_a_conflict_on_the_head()
    {
        await Store.ApplyBatchAsync(Batch(1), "importer");
        await Database.ExecuteAsync(Database.FreezeHistoryHeadSql);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.ApplyBatchAsync(Batch(3), "importer"));

        Assert.Equal(("history_head", 1L, 1L), (conflict.Subject, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal("Concurrency conflict on history_head: expected version 1, but the stored version is 1.", conflict.Message);
        Assert.Equal((1L, 1L), (await CountAsync("services"), await CountAsync("history")));
    }

    [StoreFact]
    public async Task An_empty_batch_is_applied_and_writes_nothing()
    {
        var result = await Store.ApplyBatchAsync(new CatalogBatch([], []), "importer");

        Assert.True(result.Applied);
        Assert.Empty(result.Changes);
        Assert.Equal(0, await CountAsync("history"));
    }

    [StoreFact]
    public async Task Batch_history_payloads_are_the_commands()
    {
        var define = Catalog.Service("svc-x");

        await Store.ApplyBatchAsync(new CatalogBatch([define], []), "importer");

        var entry = Assert.Single(await HistoryAsync());
        Assert.Equal(Domain.Serialization.DomainJson.Serialize<ServiceCommand>(define), entry.Payload);
        Assert.Equal((DefineService.CommandName, 1L), (entry.Command, entry.Version));
    }
}
