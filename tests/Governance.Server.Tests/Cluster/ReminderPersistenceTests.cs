using System.Globalization;
using Governance.Server.Tests.Cluster.Support;
using Governance.Storage.Tests.Support;

namespace Governance.Server.Tests.Cluster;

/// <summary>
/// A reminder lives in the store's database, not in the silo: registered on one server, it is still there after that
/// server stops, and the next server on the same database fires it. Written once, run on every dialect.
/// </summary>
public abstract class ReminderPersistenceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected ITestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [StoreFact]
    public async Task A_reminder_outlives_the_server_that_registered_it_and_fires_on_the_next()
    {
        var grain = Guid.NewGuid().ToString("N");
        await using (var first = await RunningServer.StartAsync(Database.ConnectionString))
        {
            await first.Grains.GetGrain<IReminderProbeGrain>(grain).RegisterAsync("tick", RunningServer.ReminderPeriod);
        }

        Assert.Equal(1L, await ScalarAsync($"SELECT COUNT(*) FROM orleans_reminders WHERE service_id = 'governance' AND grain_id LIKE '%{grain}' AND reminder_name = 'tick' AND period_ms = 2000"));

        // Waiting from before the second server starts: no grain is active there, so only the stored reminder can fire it.
        var tick = ReminderTicks.NextAsync(grain, "tick", Patience);
        await using var second = await RunningServer.StartAsync(Database.ConnectionString);

        Assert.Equal(second.Silo, await tick);
    }

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    private async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await Database.ScalarAsync(sql), CultureInfo.InvariantCulture);
}

// Reminders in the SQLite file the store uses, one silo with localhost clustering.
public sealed class SqliteReminderPersistenceTests : ReminderPersistenceTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

// Reminders in the PostgreSQL database the store uses, the silo in an ADO.NET cluster of one.
[RequiresPostgreSql]
[Collection(ClusterPostgresCollection.Name)]
public sealed class PostgreSqlReminderPersistenceTests(PostgresServer server) : ReminderPersistenceTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}

/// <summary>The PostgreSQL silo tests share one server of their own, so that they run beside the scheduler's.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterPostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql-cluster";
}
