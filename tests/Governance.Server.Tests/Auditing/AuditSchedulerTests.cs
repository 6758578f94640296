using System.Globalization;
using Governance.Application.Auditing;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Server.Auditing;
using Governance.Server.Hosting;
using Governance.Server.Tests.Support;
using Governance.Storage;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Tests.Auditing;

/// <summary>
/// The scheduled audit on a real host and a real job store, written once and run on every dialect. Product time and the
/// scheduler's time are one <see cref="FakeTimeProvider.Running"/> clock: set by the test, running on in between, so nothing sleeps.
/// </summary>
public abstract partial class AuditSchedulerTests : IAsyncLifetime
{
    // 01:00 UTC: two hours before the default daily 03:00 run.
    protected static readonly DateTimeOffset Start = new(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);

    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    protected FakeTimeProvider Clock { get; } = FakeTimeProvider.Running(Start);

    protected AuditProbe Probe { get; } = new();

    protected ITestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        await using var store = await GovernanceStore.OpenAsync(Database.ConnectionString, Clock);
        foreach (var id in new[] { "gateway", "billing", "search" })
        {
            await store.ExecuteAsync(id, new DefineService(new ServiceProfile(id, id) { Tier = 1 }), "test");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    [StoreFact]
    public async Task A_scheduled_audit_fires_from_the_persistent_store_after_a_restart_of_the_host()
    {
        var first = StartHost();
        var stored = await (await SchedulerAsync(first)).GetTrigger(AuditJob.ScheduleKey);
        Assert.Equal(Start.AddHours(2), stored!.NextFireTimeUtc);
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'fleet-audit-schedule'"));
        Assert.Empty(await Store(first).Audits.ListAuditsAsync());
        await StopAsync(first);

        // Down over two scheduled times (21st and 22nd, 03:00); a new host on the same database comes up at 03:05 on the 23rd.
        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        var second = StartHost();
        var runId = await Probe.NextCompletedAsync();

        var run = await Store(second).Audits.GetAuditRunAsync(runId);
        Assert.StartsWith($"{AuditJob.ScheduledTrigger} for ", run!.Trigger, StringComparison.Ordinal);
        Assert.Equal((AuditRunStatus.Succeeded, (int?)3), (run.Status, run.ServicesAudited));
        Assert.True(run.StartedAt >= Start.AddDays(2).AddHours(2).AddMinutes(5), $"started at {run.StartedAt:O}");
        var after = await (await SchedulerAsync(second)).GetTrigger(AuditJob.ScheduleKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero), after!.NextFireTimeUtc);
        Assert.Equal([runId], (await Store(second).Audits.ListAuditsAsync()).Select(listed => listed.Id));
    }

    [StoreFact]
    public async Task The_audit_job_never_runs_twice_at_once()
    {
        Probe.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = StartHost();
        var scheduler = await SchedulerAsync(host);

        await scheduler.TriggerJob(AuditJob.Key, new JobDataMap());
        var first = await Probe.NextEnteredAsync();
        await scheduler.TriggerJob(AuditJob.Key, new JobDataMap());
        await WaitUntilAsync(
            async () => (await scheduler.QueryTriggers(new TriggerQuery { Job = AuditJob.Key, State = TriggerState.Blocked })).Items.Count > 0,
            "the second firing was never held back while the first ran");
        Assert.Equal(1, Probe.Running);

        Probe.Gate.SetResult();
        var completed = new[] { await Probe.NextCompletedAsync(), await Probe.NextCompletedAsync() };

        Assert.Equal(1, Probe.MaxRunning);
        Assert.Equal(first, completed[0]);
        var runs = await Store(host).Audits.ListAuditsAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run => Assert.Equal(AuditRunStatus.Succeeded, run.Status));
        Assert.True(runs[0].StartedAt >= runs[1].FinishedAt, $"the second began at {runs[0].StartedAt:O}, before the first finished at {runs[1].FinishedAt:O}");
    }

    [StoreFact]
    public async Task An_unchanged_schedule_is_kept_and_a_changed_one_replaces_it()
    {
        await StopAsync(StartHost());
        Clock.Advance(TimeSpan.FromHours(1));
        var kept = StartHost();
        var keptTrigger = (ICronTrigger)(await (await SchedulerAsync(kept)).GetTrigger(AuditJob.ScheduleKey))!;
        await StopAsync(kept);

        var changed = StartHost(("Governance:Audit:Schedule", "0 30 4 ? * MON-FRI"), ("Governance:Audit:TimeZone", "Europe/Berlin"));
        var changedTrigger = (ICronTrigger)(await (await SchedulerAsync(changed)).GetTrigger(AuditJob.ScheduleKey))!;

        // Kept: still the trigger the first host stored an hour earlier.
        Assert.Equal((AuditScheduleOptions.DefaultSchedule, "UTC", (DateTimeOffset?)Start.AddHours(2)), (keptTrigger.CronExpressionString, keptTrigger.TimeZone.Id, keptTrigger.NextFireTimeUtc));
        Assert.True(keptTrigger.StartTimeUtc < Start.AddHours(1), $"the trigger was stored again at {keptTrigger.StartTimeUtc:O}");
        Assert.Equal(("0 30 4 ? * MON-FRI", "Europe/Berlin"), (changedTrigger.CronExpressionString, changedTrigger.TimeZone.Id));

        // Saturday the 21st: the next weekday 04:30 in Berlin (UTC+1 in November) is Monday the 23rd, 03:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 30, 0, TimeSpan.Zero), changedTrigger.NextFireTimeUtc);
    }

    [StoreFact]
    public async Task Disabling_scheduled_audits_removes_the_stored_schedule()
    {
        await StopAsync(StartHost());

        var disabled = StartHost(("Governance:Audit:Enabled", "false"));

        var scheduler = await SchedulerAsync(disabled);
        Assert.Null(await scheduler.GetJobDetail(AuditJob.Key));
        Assert.Null(await scheduler.GetTrigger(AuditJob.ScheduleKey));
    }

    [StoreFact]
    public async Task A_schedule_or_time_zone_that_cannot_be_read_stops_the_host_from_starting()
    {
        // The real host, not WebApplicationFactory: when a start fails, the factory may hide the failure behind an
        // ObjectDisposedException of its own, depending on timing.
        await using var host = GovernanceServer.Build([], new Dictionary<string, string?>
        {
            ["Governance:Database"] = Database.ConnectionString,
            ["urls"] = "http://127.0.0.1:0",
            ["Governance:Audit:Schedule"] = "every night at three",
            ["Governance:Audit:TimeZone"] = "Mars/Olympus_Mons",
            ["Governance:Audit:InterruptedAfter"] = "00:00:00",
        });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "Governance:Audit:Schedule 'every night at three' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 3 * * ?')",
                "Governance:Audit:TimeZone 'Mars/Olympus_Mons' is not a time zone this system knows",
                "Governance:Audit:InterruptedAfter must be positive, was 00:00:00",
            ],
            refused.Failures);
    }

    [StoreFact]
    public async Task Runs_left_running_by_a_stopped_process_are_failed_when_the_host_starts()
    {
        long orphan;
        await using (var store = await GovernanceStore.OpenAsync(Database.ConnectionString, Clock))
        {
            orphan = await store.Audits.BeginAuditAsync("scheduled", "sha256:old");
        }

        Clock.Advance(TimeSpan.FromMinutes(31));
        var host = StartHost();

        var run = await Store(host).Audits.GetAuditRunAsync(orphan);
        Assert.Equal((AuditRunStatus.Failed, "interrupted"), (run!.Status, run.Failure));
    }

    [StoreFact]
    public async Task The_job_store_is_the_product_database()
    {
        var host = StartHost();
        var metadata = await (await SchedulerAsync(host)).GetMetadata();

        Assert.Equal((AuditScheduling.SchedulerName, true, IsClustered), (metadata.SchedulerName, metadata.JobStorePersistent, metadata.JobStoreClustered));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = 'fleet-audit'"));
        Assert.Equal(3L, await ScalarAsync("SELECT COUNT(*) FROM services"));
    }

    /// <summary>Whether this dialect's job store runs clustered.</summary>
    protected abstract bool IsClustered { get; }

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    protected WebApplicationFactory<Program> StartHost(params (string Key, string? Value)[] settings)
    {
        var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Governance:Database", Database.ConnectionString);
            foreach (var (key, value) in SiloPorts.Settings().Concat(settings))
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(Probe);
                services.AddSingleton<IFleetAudit, SnapshotFleetAudit>();
            });
        });
        _hosts.Add(host);
        _ = host.Services; // builds and starts the host
        return host;
    }

    protected async Task StopAsync(WebApplicationFactory<Program> host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    protected static async Task<IScheduler> SchedulerAsync(WebApplicationFactory<Program> host) =>
        await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    protected static GovernanceStore Store(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<StoreHolder>().Store;

    private async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    // Waits on a condition the scheduler reaches on its own, checking often, for at most a minute.
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, failure);
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }
}
