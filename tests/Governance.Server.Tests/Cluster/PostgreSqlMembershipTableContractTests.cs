using System.Globalization;
using System.Net;
using Governance.Storage;
using Governance.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Governance.Server.Tests.Cluster;

/// <summary>
/// The project's membership SQL against the contract of Orleans' ADO.NET clustering table, driven through Orleans' own
/// table class on a migrated store database, without a silo: every change is checked against the table version read.
/// </summary>
[RequiresPostgreSql]
[Collection(ClusterPostgresCollection.Name)]
public sealed class PostgreSqlMembershipTableContractTests(PostgresServer server) : IAsyncLifetime
{
    private const string ClusterId = "contract";
    private const int Generation = 155_000_000;
    private static readonly DateTime Started = new(2026, 11, 21, 9, 30, 15, 125, DateTimeKind.Utc);

    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        await using var store = await GovernanceStore.OpenAsync(_database.ConnectionString, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [StoreFact]
    public async Task A_new_cluster_has_a_version_row_at_zero_and_no_members_however_often_it_is_initialised()
    {
        var table = await TableAsync();
        await TableAsync();

        var all = await table.ReadAllAsync();

        Assert.Equal((0, 0, "0"), (all.Members.Count, all.Version.Version, all.Version.VersionEtag));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM orleans_membership_version"));
    }

    [StoreFact]
    public async Task A_silo_is_added_only_at_the_version_read_and_each_addition_bumps_the_version()
    {
        var table = await TableAsync();
        var read = (await table.ReadAllAsync()).Version;

        Assert.True(await table.InsertRowAsync(Entry(11111, SiloStatus.Joining), read.Next()));
        Assert.False(await table.InsertRowAsync(Entry(11112, SiloStatus.Joining), read.Next()));
        Assert.False(await table.InsertRowAsync(Entry(11111, SiloStatus.Joining), (await table.ReadAllAsync()).Version.Next()));

        var all = await table.ReadAllAsync();
        var (entry, etag) = Assert.Single(all.Members);
        Assert.Equal((1, "1"), (all.Version.Version, etag));
        AssertSame(Entry(11111, SiloStatus.Joining), entry);
    }

    [StoreFact]
    public async Task Of_silos_joining_at_the_same_version_exactly_one_is_added_each_time()
    {
        // Two tables, two connections: each round both try to add a silo at the version they both read.
        var first = await TableAsync();
        var second = await TableAsync();
        for (var round = 0; round < 10; round++)
        {
            var read = (await first.ReadAllAsync()).Version;

            var added = await Task.WhenAll(
                Task.Run(() => first.InsertRowAsync(Entry(20000 + (2 * round), SiloStatus.Joining), read.Next())),
                Task.Run(() => second.InsertRowAsync(Entry(20001 + (2 * round), SiloStatus.Joining), read.Next())));

            Assert.Equal(1, added.Count(inserted => inserted));
        }

        var all = await first.ReadAllAsync();
        Assert.Equal((10, 10), (all.Members.Count, all.Version.Version));
    }

    [StoreFact]
    public async Task An_update_changes_status_suspicions_and_alive_time_only_at_the_version_read()
    {
        var table = await TableAsync();
        await table.InsertRowAsync(Entry(11111, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next());
        var (_, etag) = Assert.Single((await table.ReadAllAsync()).Members);
        var read = (await table.ReadAllAsync()).Version;
        var dead = Entry(11111, SiloStatus.Dead);
        dead.IAmAliveTime = Started.AddSeconds(30);
        dead.SuspectTimes = [Tuple.Create(Silo(11112), Started.AddSeconds(20)), Tuple.Create(Silo(11113), Started.AddSeconds(25))];

        Assert.True(await table.UpdateRowAsync(dead, etag, read.Next()));
        Assert.False(await table.UpdateRowAsync(Entry(11111, SiloStatus.Active), etag, read.Next()));

        var row = await table.ReadRowAsync(Silo(11111));
        var (entry, _) = Assert.Single(row.Members);
        Assert.Equal(2, row.Version.Version);
        AssertSame(dead, entry);
        Assert.Equal(dead.SuspectTimes, entry.SuspectTimes);
    }

    [StoreFact]
    public async Task The_heartbeat_moves_only_the_alive_time_and_not_the_version()
    {
        var table = await TableAsync();
        await table.InsertRowAsync(Entry(11111, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next());
        var alive = Entry(11111, SiloStatus.Active);
        alive.IAmAliveTime = Started.AddMinutes(1);

        await table.UpdateIAmAliveAsync(alive);

        var row = await table.ReadRowAsync(Silo(11111));
        var (entry, _) = Assert.Single(row.Members);
        Assert.Equal((1, Started.AddMinutes(1), SiloStatus.Active), (row.Version.Version, entry.IAmAliveTime, entry.Status));
        Assert.Empty((await table.ReadRowAsync(Silo(22222))).Members);
    }

    [StoreFact]
    public async Task Gateways_are_the_active_silos_that_accept_clients()
    {
        var table = await TableAsync();
        await AddAsync(table, Entry(11111, SiloStatus.Active));
        await AddAsync(table, Entry(11112, SiloStatus.Joining));
        var noGateway = Entry(11113, SiloStatus.Active);
        noGateway.ProxyPort = 0;
        await AddAsync(table, noGateway);
        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", ConnectionString = _database.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId }));
        await gateways.InitializeGatewayListProviderAsync();

        var uri = Assert.Single(await gateways.GetGatewaysAsync());

        Assert.Equal(("127.0.0.1", 11111 + 1000), (uri.Host, uri.Port));
    }

    [StoreFact]
    public async Task Cleanup_removes_silos_that_are_not_active_and_went_quiet_before_the_cut_off()
    {
        var table = await TableAsync();
        await AddAsync(table, Entry(11111, SiloStatus.Active));
        await AddAsync(table, Entry(11112, SiloStatus.Dead));
        var recent = Entry(11113, SiloStatus.Dead);
        recent.IAmAliveTime = Started.AddHours(2);
        await AddAsync(table, recent);

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Started.AddHours(1)));

        var left = (await table.ReadAllAsync()).Members.Select(member => member.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([11111, 11113], left);
    }

    [StoreFact]
    public async Task Deleting_a_cluster_removes_its_members_and_version_and_nothing_of_another()
    {
        var table = await TableAsync();
        var other = await TableAsync("other");
        await AddAsync(table, Entry(11111, SiloStatus.Active));
        await AddAsync(other, Entry(11111, SiloStatus.Active));

        await table.DeleteMembershipTableEntriesAsync(ClusterId);

        Assert.Equal("other:1", await ScalarAsync("SELECT string_agg(deployment_id || ':' || (SELECT COUNT(*) FROM orleans_membership m WHERE m.deployment_id = v.deployment_id), ',') FROM orleans_membership_version v"));
    }

    private async Task<AdoNetClusteringTable> TableAsync(string clusterId = ClusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "governance" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = _database.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static async Task AddAsync(AdoNetClusteringTable table, MembershipEntry entry) =>
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

    private static SiloAddress Silo(int port) => SiloAddress.New(IPAddress.Loopback, port, Generation);

    private static MembershipEntry Entry(int port, SiloStatus status) => new()
    {
        SiloAddress = Silo(port),
        SiloName = $"silo-{port}",
        HostName = "node-a",
        Status = status,
        ProxyPort = port + 1000,
        StartTime = Started,
        IAmAliveTime = Started,
    };

    private static void AssertSame(MembershipEntry expected, MembershipEntry actual) => Assert.Equal(
        (expected.SiloAddress, expected.SiloName, expected.HostName, expected.Status, expected.ProxyPort, expected.StartTime, expected.IAmAliveTime),
        (actual.SiloAddress, actual.SiloName, actual.HostName, actual.Status, actual.ProxyPort, actual.StartTime, actual.IAmAliveTime));

    private async Task<object?> ScalarAsync(string sql)
    {
        var value = await _database.ScalarAsync(sql);
        return value is long count ? count : Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
