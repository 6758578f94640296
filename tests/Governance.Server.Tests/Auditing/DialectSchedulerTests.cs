using Governance.Server.Auditing;
using Governance.Storage.Tests.Support;
using Quartz;

namespace Governance.Server.Tests.Auditing;

// The scheduler on SQLite: a fresh file per test, the job store unclustered beside the product tables.
public sealed class SqliteAuditSchedulerTests : AuditSchedulerTests
{
    protected override bool IsClustered => false;

    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

// The scheduler on the PostgreSQL server the storage tests' fixture starts: a fresh database per test, the job store clustered.
[RequiresPostgreSql]
[Collection(SchedulerPostgresCollection.Name)]
public sealed class PostgreSqlAuditSchedulerTests(PostgresServer server) : AuditSchedulerTests
{
    protected override bool IsClustered => true;

    [StoreFact]
    public async Task Two_nodes_never_run_the_audit_at_once()
    {
        Probe.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await SchedulerAsync(StartHost());
        var second = await SchedulerAsync(StartHost());
        Assert.NotEqual(first.SchedulerInstanceId, second.SchedulerInstanceId);

        await first.TriggerJob(AuditJob.Key, new JobDataMap());
        var running = await Probe.NextEnteredAsync();
        await second.TriggerJob(AuditJob.Key, new JobDataMap());
        await WaitUntilAsync(
            async () => (await second.QueryTriggers(new TriggerQuery { Job = AuditJob.Key, State = TriggerState.Blocked })).Items.Count > 0,
            "the second node's firing was never held back while the first node ran");
        Assert.Equal(1, Probe.Running);

        Probe.Gate.SetResult();
        Assert.Equal(running, await Probe.NextCompletedAsync());
        await Probe.NextCompletedAsync();
        Assert.Equal(1, Probe.MaxRunning);
    }

    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

/// <summary>The PostgreSQL scheduler tests share one server (collections are defined per test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class SchedulerPostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql-scheduler";
}
