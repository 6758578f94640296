using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Domain.History;
using Governance.Domain.Serialization;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Audit runs: begun, completed whole or not at all, failed, recovered after a crash, listed and compared.</summary>
public abstract class AuditContractTests : StoreTestBase
{
    private DateTimeOffset Now => HistoryEntry.Normalize(Clock.GetUtcNow());

    [StoreFact]
    public async Task A_begun_run_is_running_and_shows_no_result()
    {
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);

        var run = await Store.Audits.GetAuditRunAsync(id);
        Assert.Equal(new AuditRun(id, Now, null, "scheduled", AuditSamples.PolicySet, AuditRunStatus.Running, null, null, null, null, null), run);
        Assert.Null(await Store.Audits.GetAuditAsync(id));
        Assert.Null(await Store.Audits.GetAuditAsync());
        Assert.Null(await Store.Audits.GetAuditDiffAsync());
        Assert.Equal([id], (await Store.Audits.ListAuditsAsync()).Select(listed => listed.Id));
    }

    [StoreFact]
    public async Task A_completed_run_is_read_back_whole_with_its_figures()
    {
        var id = await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        var auditedAt = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromSeconds(3));
        var result = AuditSamples.Result(auditedAt, AuditSamples.Profile("checkout", "single-zone", "no-runbook"), AuditSamples.Waived("billing", "stale-failover"), AuditSamples.Profile("api-gateway", "critical-path-hub"));

        await Store.Audits.CompleteAuditAsync(id, result, AuditSamples.Audited, AuditSamples.Graph);

        var completed = await Store.Audits.GetAuditAsync(id);
        Assert.NotNull(completed);
        Assert.Equal(
            new AuditRun(id, Now - TimeSpan.FromSeconds(3), Now, "manual", AuditSamples.PolicySet, AuditRunStatus.Succeeded, HistoryEntry.Normalize(auditedAt), 7, 40, 4, null),
            completed.Run);
        // Riskiest first, as the engine orders a result: by score, then by id.
        var expected = result with { At = HistoryEntry.Normalize(auditedAt), Profiles = [.. result.Profiles.OrderByDescending(profile => profile.Score).ThenBy(profile => profile.ServiceId, StringComparer.Ordinal)] };
        Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(completed.Result));
        Assert.Equal(["api-gateway", "checkout", "billing"], completed.Result.Profiles.Select(profile => profile.ServiceId));
        Assert.Equal((0, RiskLevel.None, true), (completed.Result.Profiles[2].Score, completed.Result.Profiles[2].Level, completed.Result.Profiles[2].Traits[0].IsWaived));
        Assert.Equal("high", await Database.ScalarAsync("SELECT level FROM audit_profiles WHERE service_id = 'api-gateway'"));
        Assert.Equal("medium", await Database.ScalarAsync("SELECT level FROM audit_profiles WHERE service_id = 'checkout'"));
        Assert.Equal("no-runbook single-zone", await Database.ScalarAsync("SELECT policy_ids FROM audit_profiles WHERE service_id = 'checkout'"));
        Assert.Equal(DomainJson.Serialize(completed), DomainJson.Serialize(await Store.Audits.GetAuditAsync()));
    }

    [StoreFact]
    public async Task A_run_that_found_nothing_succeeds_with_no_profiles()
    {
        var id = await CompleteAsync();

        var completed = await Store.Audits.GetAuditAsync(id);

        Assert.Equal((AuditRunStatus.Succeeded, (int?)0, (int?)40), (completed!.Run.Status, completed.Run.Findings, completed.Run.ServicesAudited));
        Assert.Empty(completed.Result.Profiles);
        Assert.Empty((await Store.Audits.GetAuditDiffAsync(id))!.Diff.New);
    }

    [StoreFact]
    public async Task Runs_are_listed_newest_first_in_every_status()
    {
        var first = await CompleteAsync(AuditSamples.Profile("a", "p-1"));
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "policy file unreadable");
        var running = await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);

        var all = await Store.Audits.ListAuditsAsync();
        var latestTwo = await Store.Audits.ListAuditsAsync(limit: 2);

        Assert.Equal([(running, AuditRunStatus.Running), (failed, AuditRunStatus.Failed), (first, AuditRunStatus.Succeeded)], all.Select(run => (run.Id, run.Status)));
        Assert.Equal([running, failed], latestTwo.Select(run => run.Id));
        Assert.Equal("policy file unreadable", all[1].Failure);
        Assert.Equal(first, (await Store.Audits.GetAuditAsync())!.Run.Id);
    }

    [StoreFact]
    public async Task The_diff_is_against_the_previous_succeeded_run()
    {
        var first = await CompleteAsync(AuditSamples.Profile("a", "p-1", "p-2"), AuditSamples.Profile("b", "p-2"));
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "crashed");
        var second = await CompleteAsync(AuditSamples.Profile("a", "p-1"), AuditSamples.Profile("c", "p-3"), AuditSamples.Profile("b", "p-2"));

        var latest = await Store.Audits.GetAuditDiffAsync();
        var initial = await Store.Audits.GetAuditDiffAsync(first);

        Assert.Equal((second, (long?)first), (latest!.RunId, latest.PreviousRunId));
        Assert.Equal([new FindingKey("c", "p-3")], latest.Diff.New);
        Assert.Equal([new FindingKey("a", "p-2")], latest.Diff.Resolved);
        Assert.Equal([new FindingKey("a", "p-1"), new FindingKey("b", "p-2")], latest.Diff.Unchanged);
        Assert.Equal((first, (long?)null, 3, 0), (initial!.RunId, initial.PreviousRunId, initial.Diff.New.Count, initial.Diff.Unchanged.Count));
        Assert.Null(await Store.Audits.GetAuditDiffAsync(failed));
        Assert.Equal([new FindingKey("a", "p-1"), new FindingKey("a", "p-2"), new FindingKey("b", "p-2")], await Store.Audits.GetFindingKeysAsync(first));
        Assert.Empty(await Store.Audits.GetFindingKeysAsync(failed));
    }

    [StoreFact]
    public async Task A_run_whose_process_on_this_host_was_killed_is_failed_at_once_and_live_or_foreign_runs_are_kept()
    {
        // Found by the kill harness: `audit run` killed mid-run left its run running until a server's age rule, 30 minutes on.
        var (exitCode, output) = await WorkerProcess.RunAsync("begin-audit", Database.ConnectionString);
        Assert.True(exitCode == 0, output);
        var printed = output.Trim().Split(' ');
        var orphaned = long.Parse(printed[0], System.Globalization.CultureInfo.InvariantCulture);
        var live = await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        var foreign = await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        await Database.ExecuteAsync($"UPDATE audit_runs SET owner_host = 'another-host', owner_pid = 1 WHERE id = {foreign}");

        var recovered = await Store.Audits.RecoverOrphanedAuditsAsync();

        Assert.Equal([orphaned], recovered);
        var run = await Store.Audits.GetAuditRunAsync(orphaned);
        Assert.Equal((AuditRunStatus.Failed, $"interrupted: process {printed[1]} ended"), (run!.Status, run.Failure));
        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(live))!.Status);
        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(foreign))!.Status);
        Assert.Empty(await Store.Audits.RecoverOrphanedAuditsAsync());
    }

    [StoreFact]
    public async Task A_run_whose_process_id_was_reused_by_another_process_is_failed()
    {
        var reused = await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        var startedAt = Database.Dialect == "sqlite" ? "'2001-01-01T00:00:00.000000Z'" : "'2001-01-01T00:00:00Z'";
        await Database.ExecuteAsync($"UPDATE audit_runs SET owner_started_at = {startedAt} WHERE id = {reused}");

        Assert.Equal([reused], await Store.Audits.RecoverOrphanedAuditsAsync());
    }

    [StoreFact]
    public async Task A_crash_between_begin_and_complete_leaves_nothing_visible_and_recovery_fails_the_run()
    {
        var before = await CompleteAsync(AuditSamples.Profile("a", "p-1"));
        var crashed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.DisposeAsync();
        Clock.Advance(TimeSpan.FromMinutes(45));

        // The process that began the run is gone; a new one opens the store.
        var restarted = await OpenStoreAsync();
        var recent = await restarted.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        var visible = await restarted.Audits.GetAuditAsync();
        var recovered = await restarted.Audits.RecoverInterruptedAuditsAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(before, visible!.Run.Id);
        Assert.Equal([crashed], recovered);
        var run = await restarted.Audits.GetAuditRunAsync(crashed);
        Assert.Equal((AuditRunStatus.Failed, "interrupted", (DateTimeOffset?)Now), (run!.Status, run.Failure, run.FinishedAt));
        Assert.Equal(AuditRunStatus.Running, (await restarted.Audits.GetAuditRunAsync(recent))!.Status);
        Assert.Empty(await restarted.Audits.RecoverInterruptedAuditsAsync(TimeSpan.FromMinutes(30)));

        // The interrupted process, had it come back, could no longer complete the run.
        var late = await Assert.ThrowsAsync<InvalidOperationException>(() => restarted.Audits.CompleteAuditAsync(crashed, AuditSamples.Result(Clock.GetUtcNow(), AuditSamples.Profile("a", "p-9")), AuditSamples.Audited, AuditSamples.Graph));
        Assert.Equal($"audit run {crashed} is failed (interrupted), not running", late.Message);
        Assert.Equal(1, await CountAsync("audit_profiles"));
        Assert.Equal(before, (await restarted.Audits.GetAuditAsync())!.Run.Id);
    }

    [StoreFact]
    public async Task A_failure_midway_through_complete_leaves_nothing_of_the_run()
    {
        var earlier = await CompleteAsync(AuditSamples.Profile("a", "p-1"));
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);

        // Twelve hundred rows go out before the duplicate key the schema refuses.
        var profiles = Enumerable.Range(0, 1_500).Select(i => AuditSamples.Profile($"svc-{i:D4}", "p-1")).ToList();
        profiles.Insert(1_200, AuditSamples.Profile("svc-0003", "p-2"));
        await Assert.ThrowsAnyAsync<DbException>(() => Store.Audits.CompleteAuditAsync(id, AuditSamples.Result(Clock.GetUtcNow(), [.. profiles]), AuditSamples.Audited, AuditSamples.Graph));

        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(id))!.Status);
        Assert.Null(await Store.Audits.GetAuditAsync(id));
        Assert.Equal(earlier, (await Store.Audits.GetAuditAsync())!.Run.Id);
        Assert.Empty(await Store.Audits.GetFindingKeysAsync(id));
        Assert.Equal(1, await CountAsync("audit_profiles"));
        Assert.Equal(AuditSamples.Audited.Count, await CountAsync("audit_graph_facts"));
        Assert.Equal(earlier, (await Store.Audits.GetLatestGraphFactsAsync("svc-03"))!.RunId);

        await Store.Audits.FailAuditAsync(id, "duplicate profile");
        Assert.Equal(AuditRunStatus.Failed, (await Store.Audits.GetAuditRunAsync(id))!.Status);
    }

    [StoreFact]
    public async Task A_profile_without_traits_is_refused_and_nothing_is_written()
    {
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);

        await Assert.ThrowsAnyAsync<DbException>(() => Store.Audits.CompleteAuditAsync(id, AuditSamples.Result(Clock.GetUtcNow(), AuditSamples.Profile("a", "p-1"), new RiskProfile("b", [])), AuditSamples.Audited, AuditSamples.Graph));

        Assert.Equal(0, await CountAsync("audit_profiles"));
        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(id))!.Status);
    }

    [StoreFact]
    public async Task A_result_of_another_policy_set_is_refused()
    {
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);

        var refused = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.Audits.CompleteAuditAsync(id, AuditSamples.Result(Clock.GetUtcNow(), AuditSamples.Profile("a", "p-1")) with { PolicySetHash = "sha256:other" }, AuditSamples.Audited, AuditSamples.Graph));

        Assert.Contains("sha256:other", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(id))!.Status);
        Assert.Equal(0, await CountAsync("audit_profiles"));
    }

    [StoreFact]
    public async Task A_run_ends_once()
    {
        var succeeded = await CompleteAsync(AuditSamples.Profile("a", "p-1"));
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "first reason");

        await Store.Audits.FailAuditAsync(failed, "second reason");
        var failSucceeded = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Audits.FailAuditAsync(succeeded, "too late"));
        var completeAgain = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Audits.CompleteAuditAsync(succeeded, AuditSamples.Result(Clock.GetUtcNow(), AuditSamples.Profile("b", "p-1")), AuditSamples.Audited, AuditSamples.Graph));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Audits.FailAuditAsync(999, "no such run"));

        Assert.Equal("first reason", (await Store.Audits.GetAuditRunAsync(failed))!.Failure);
        Assert.Equal($"audit run {succeeded} is succeeded, not running", failSucceeded.Message);
        Assert.Equal($"audit run {succeeded} is succeeded, not running", completeAgain.Message);
        Assert.Equal("there is no audit run 999", missing.Message);
        Assert.Equal([new FindingKey("a", "p-1")], await Store.Audits.GetFindingKeysAsync(succeeded));
    }

    [StoreFact]
    public async Task A_large_run_is_written_and_read_back_in_service_order()
    {
        var profiles = Enumerable.Range(0, 2_600).Select(i => AuditSamples.Profile($"svc-{(i * 7919) % 2_600:D4}", $"p-{i % 5}", "p-x")).ToArray();

        var id = await CompleteAsync(profiles);

        var completed = await Store.Audits.GetAuditAsync(id);
        Assert.Equal(Enumerable.Range(0, 2_600).Select(i => $"svc-{i:D4}"), completed!.Result.Profiles.Select(profile => profile.ServiceId));
        Assert.Equal(5_200, completed.Run.Findings);
        Assert.Equal(5_200, (await Store.Audits.GetFindingKeysAsync(id)).Count);
        var one = completed.Result.Profiles.Single(profile => profile.ServiceId == profiles[17].ServiceId);
        Assert.Equal(DomainJson.Serialize(profiles[17]), DomainJson.Serialize(one));
    }

    [StoreFact]
    public async Task The_snapshot_holds_every_service_and_entity_in_order()
    {
        var services = Enumerable.Range(0, 2_500).Select(i => Catalog.Service($"svc-{(i * 7919) % 2_500:D4}", owner: $"team-{i % 3}", tier: i % 4)).ToList();
        await Store.ApplyBatchAsync(new CatalogBatch(services, [Catalog.Group("team-1"), Catalog.Group("team-0", parent: "team-1")]), "importer");
        await Store.ExecuteAsync("svc-0042", Catalog.Item("fix-timeouts"), "alice");

        var snapshot = await Store.LoadSnapshotAsync();

        Assert.Equal(Enumerable.Range(0, 2_500).Select(i => $"svc-{i:D4}"), snapshot.Services.Select(service => service.Id));
        Assert.Equal(["group:team-0", "group:team-1"], snapshot.Entities.Select(entity => entity.Subject));
        var stored = await Store.GetServiceAsync("svc-0042");
        Assert.Equal(DomainJson.Serialize(stored!.State), DomainJson.Serialize(snapshot.Services[42]));
        Assert.Equal("fix-timeouts", Assert.Single(snapshot.Services[42].RemediationItems).Id);
        Assert.Equal("team-1", snapshot.Entities[0].Parent);
    }

    private async Task<long> CompleteAsync(params RiskProfile[] profiles)
    {
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.CompleteAuditAsync(id, AuditSamples.Result(Clock.GetUtcNow(), profiles), AuditSamples.Audited, AuditSamples.Graph);
        return id;
    }
}
