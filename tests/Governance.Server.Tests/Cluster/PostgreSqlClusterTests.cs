using Governance.Server.Tests.Cluster.Support;
using Governance.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests.Cluster;

/// <summary>Servers on one PostgreSQL database form one Orleans cluster through the project's membership SQL.</summary>
[RequiresPostgreSql]
[Collection(ClusterPostgresCollection.Name)]
public sealed class PostgreSqlClusterTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [StoreFact]
    public async Task Two_servers_on_one_database_are_both_active_members_and_a_grain_lives_once()
    {
        await using var first = await RunningServer.StartAsync(_database.ConnectionString);
        await using var second = await RunningServer.StartAsync(_database.ConnectionString);

        // Each silo wrote itself Active before its start completed; the first learns of the second by gossip or refresh.
        Assert.Equal(2L, await _database.ScalarAsync("SELECT COUNT(*) FROM orleans_membership WHERE deployment_id = 'governance' AND status = 3"));
        await SeesActiveAsync(first, 2);

        var grain = Guid.NewGuid().ToString("N");
        var fromFirst = await first.Grains.GetGrain<IReminderProbeGrain>(grain).SiloAsync();
        var fromSecond = await second.Grains.GetGrain<IReminderProbeGrain>(grain).SiloAsync();
        Assert.Equal(fromFirst, fromSecond);
        Assert.Contains(fromFirst, new[] { first.Silo, second.Silo });
    }

    [StoreFact]
    public async Task A_server_that_stops_is_marked_dead_and_its_grains_answer_from_the_other()
    {
        await using var first = await RunningServer.StartAsync(_database.ConnectionString);
        await using var second = await RunningServer.StartAsync(_database.ConnectionString);
        await SeesActiveAsync(second, 2);

        var grain = Guid.NewGuid().ToString("N");
        var home = await first.Grains.GetGrain<IReminderProbeGrain>(grain).SiloAsync();
        var (leaving, staying) = home == first.Silo ? (first, second) : (second, first);
        await leaving.StopAsync();

        Assert.Equal(staying.Silo, await staying.Grains.GetGrain<IReminderProbeGrain>(grain).SiloAsync());
        Assert.Equal(1L, await _database.ScalarAsync("SELECT COUNT(*) FROM orleans_membership WHERE deployment_id = 'governance' AND status = 3"));
        Assert.Equal(1L, await _database.ScalarAsync("SELECT COUNT(*) FROM orleans_membership WHERE deployment_id = 'governance' AND status = 6"));
    }

    // Waits on the silo's own membership updates (a barrier Orleans signals) until it sees that many active silos.
    private static async Task SeesActiveAsync(RunningServer server, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var membership = server.Services.GetRequiredService<IClusterMembershipService>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active) == count)
            {
                return;
            }
        }

        Assert.Fail($"the silo never saw {count} active silos");
    }
}
