using Governance.Server.Tests.Cluster.Support;
using Governance.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests.Cluster;

/// <summary>
/// The project's reminder SQL against the contract of Orleans' ADO.NET reminder table, through the table the server's
/// silo uses. Written once, run on every dialect. Rows start in 2099, so the silo never fires them.
/// </summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2099, 11, 21, 9, 30, 15, 125, DateTimeKind.Utc);

    private ITestDatabase _database = null!;
    private RunningServer _server = null!;

    private IReminderTable Table => _server.Services.GetRequiredService<IReminderTable>();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _server = await RunningServer.StartAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [StoreFact]
    public async Task The_store_migrations_hold_every_query_the_provider_needs()
    {
        var keys = await _database.ScalarAsync(QueryKeysSql);

        Assert.Equal(ExpectedQueryKeys, keys);
    }

    [StoreFact]
    public async Task An_upsert_answers_a_new_version_and_the_row_reads_back_exactly()
    {
        var grain = Grain(_ => true);
        var first = await Table.UpsertRow(Entry(grain, "expiry", TimeSpan.FromMinutes(5)));
        var second = await Table.UpsertRow(Entry(grain, "expiry", TimeSpan.FromDays(30))); // over int.MaxValue ms: bound as a long

        var row = await Table.ReadRow(grain, "expiry");

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        Assert.Equal((grain, "expiry", Start, DateTimeKind.Utc, TimeSpan.FromDays(30), second), (row!.GrainId, row.ReminderName, row.StartAt, row.StartAt.Kind, row.Period, row.ETag));
        Assert.Null(await Table.ReadRow(grain, "unknown"));
    }

    [StoreFact]
    public async Task The_rows_of_one_grain_are_read_together()
    {
        var grain = Grain(_ => true);
        var other = Grain(id => id != grain);
        await Table.UpsertRow(Entry(grain, "eta", TimeSpan.FromHours(1)));
        await Table.UpsertRow(Entry(grain, "expiry", TimeSpan.FromHours(2)));
        await Table.UpsertRow(Entry(other, "eta", TimeSpan.FromHours(1)));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["eta", "expiry"], rows.Reminders.Select(row => row.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows.Reminders, row => Assert.Equal(grain, row.GrainId));
    }

    [StoreFact]
    public async Task Ring_ranges_are_begin_exclusive_end_inclusive_and_wrap_as_orleans_binds_hashes_signed()
    {
        // One grain in each half of the ring: Orleans binds a hash of 2^31 or more as a negative int32.
        var low = Grain(id => id.GetUniformHashCode() is > 0 and < 0x8000_0000);
        var high = Grain(id => id.GetUniformHashCode() >= 0x8000_0000);
        await Table.UpsertRow(Entry(low, "tick", TimeSpan.FromHours(1)));
        await Table.UpsertRow(Entry(high, "tick", TimeSpan.FromHours(1)));
        uint lowHash = low.GetUniformHashCode(), highHash = high.GetUniformHashCode();

        Assert.Equal([low], await GrainsInAsync(lowHash - 1, lowHash));
        Assert.Equal([high], await GrainsInAsync(highHash - 1, highHash));
        Assert.Empty(await GrainsInAsync(lowHash, lowHash + 1));
        Assert.Equal([high], await GrainsInAsync(lowHash, highHash)); // crosses 2^31, where the signed order jumps
        Assert.Equal([low], await GrainsInAsync(highHash, lowHash)); // wraps past 2^32 - 1 to 0
        Assert.Equal(new[] { low, high }.Select(Key).Order(StringComparer.Ordinal), (await GrainsInAsync(lowHash, lowHash)).Select(Key).Order(StringComparer.Ordinal)); // the whole ring
    }

    [StoreFact]
    public async Task A_row_is_removed_only_at_the_version_read()
    {
        var grain = Grain(_ => true);
        var stale = await Table.UpsertRow(Entry(grain, "expiry", TimeSpan.FromHours(1)));
        var current = await Table.UpsertRow(Entry(grain, "expiry", TimeSpan.FromHours(2)));

        Assert.False(await Table.RemoveRow(grain, "expiry", stale!));
        Assert.NotNull(await Table.ReadRow(grain, "expiry"));
        Assert.True(await Table.RemoveRow(grain, "expiry", current!));
        Assert.Null(await Table.ReadRow(grain, "expiry"));
        Assert.False(await Table.RemoveRow(grain, "expiry", current!));
    }

    [StoreFact]
    public async Task Clearing_removes_every_row_of_the_service()
    {
        await Table.UpsertRow(Entry(Grain(_ => true), "eta", TimeSpan.FromHours(1)));
        await Table.UpsertRow(Entry(Grain(_ => true), "eta", TimeSpan.FromHours(1)));

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);
    }

    /// <summary>The query keys in the OrleansQuery table, sorted and separated by spaces.</summary>
    protected abstract string ExpectedQueryKeys { get; }

    /// <summary>This dialect's SQL for the query keys, sorted by code point and separated by spaces.</summary>
    protected abstract string QueryKeysSql { get; }

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = period };

    // A fresh grain id (keys are random) that satisfies the condition: about every other one does.
    private static GrainId Grain(Func<GrainId, bool> condition)
    {
        while (true)
        {
            var id = GrainId.Create("reminderprobe", Guid.NewGuid().ToString("N"));
            if (condition(id))
            {
                return id;
            }
        }
    }

    private static string Key(GrainId grain) => grain.ToString();

    private async Task<List<GrainId>> GrainsInAsync(uint begin, uint end) =>
        [.. (await Table.ReadRows(begin, end)).Reminders.Select(row => row.GrainId)];
}

public sealed class SqliteReminderTableContractTests : ReminderTableContractTests
{
    protected override string ExpectedQueryKeys =>
        "DeleteReminderRowKey DeleteReminderRowsKey ReadRangeRows1Key ReadRangeRows2Key ReadReminderRowKey ReadReminderRowsKey UpsertReminderRowKey";

    protected override string QueryKeysSql => "SELECT string_agg(QueryKey, ' ' ORDER BY QueryKey) FROM OrleansQuery";

    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

[RequiresPostgreSql]
[Collection(ClusterPostgresCollection.Name)]
public sealed class PostgreSqlReminderTableContractTests(PostgresServer server) : ReminderTableContractTests
{
    protected override string ExpectedQueryKeys =>
        "CleanupDefunctSiloEntriesKey DeleteMembershipTableEntriesKey DeleteReminderRowKey DeleteReminderRowsKey GatewaysQueryKey " +
        "InsertMembershipKey InsertMembershipVersionKey MembershipReadAllKey MembershipReadRowKey ReadRangeRows1Key ReadRangeRows2Key " +
        "ReadReminderRowKey ReadReminderRowsKey UpdateIAmAlivetimeKey UpdateMembershipKey UpsertReminderRowKey";

    protected override string QueryKeysSql => "SELECT string_agg(QueryKey, ' ' ORDER BY QueryKey COLLATE \"C\") FROM OrleansQuery";

    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await server.CreateDatabaseAsync();
}
