using Governance.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Storage.Tests.Dialects;

public sealed class SqliteConnectionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [StoreFact]
    public async Task A_bare_path_opens_a_new_file_in_wal_mode()
    {
        await using var store = await GovernanceStore.OpenAsync(_database.FilePath, new FakeTimeProvider());

        Assert.Equal(("sqlite", _database.FilePath), (store.Dialect, store.Location));
        Assert.True(File.Exists(_database.FilePath));
        Assert.Equal("wal", await _database.ScalarAsync("PRAGMA journal_mode"));
    }

    [StoreFact]
    public async Task A_data_source_connection_string_opens_the_same_file()
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ToString();
        await using (var first = await GovernanceStore.OpenAsync(_database.FilePath, new FakeTimeProvider()))
        {
            await first.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        }

        await using var second = await GovernanceStore.OpenAsync(connection, new FakeTimeProvider());

        Assert.Equal(_database.FilePath, second.Location);
        Assert.Equal(1, (await second.GetServiceAsync("checkout"))!.Version);
    }

    [StoreFact]
    public async Task Opening_a_missing_store_as_existing_creates_neither_the_file_nor_its_folder()
    {
        var folder = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "not-there");
        var path = Path.Combine(folder, "governance.db");

        var missing = await Assert.ThrowsAsync<StoreNotFoundException>(() => GovernanceStore.OpenExistingAsync(path, new FakeTimeProvider()));

        Assert.Equal($"no store at {path}: create one with 'governance init' or 'governance import'", missing.Message);
        Assert.Equal(path, missing.Location);
        Assert.False(Directory.Exists(folder));
    }

    [StoreFact]
    public async Task A_missing_store_is_named_by_its_full_path_whichever_way_it_was_given()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _database.FilePath);
        var connection = new SqliteConnectionStringBuilder { DataSource = relative }.ToString();

        var missing = await Assert.ThrowsAsync<StoreNotFoundException>(() => GovernanceStore.OpenExistingAsync(connection, new FakeTimeProvider()));

        Assert.Equal($"no store at {_database.FilePath}: create one with 'governance init' or 'governance import'", missing.Message);
        Assert.False(File.Exists(_database.FilePath));
    }

    [StoreFact]
    public async Task Times_are_stored_as_the_text_that_is_hashed()
    {
        var clock = new FakeTimeProvider();
        await using var store = await GovernanceStore.OpenAsync(_database.FilePath, clock);
        await store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");

        var entry = Assert.Single(await store.ReadHistoryAsync().ToListAsync());

        Assert.Equal("2025-04-01T09:30:00.123456Z", await _database.ScalarAsync("SELECT recorded_at FROM history"));
        Assert.Equal("2025-04-01T09:30:00.123456Z", await _database.ScalarAsync("SELECT updated_at FROM services"));
        Assert.Equal(Domain.History.HistoryEntry.Normalize(clock.GetUtcNow()), entry.RecordedAt);
        Assert.Equal(entry.Hash, entry.Recompute());
    }

    [StoreFact]
    public async Task The_default_store_is_a_sqlite_file_that_GOVERNANCE_DB_overrides()
    {
        var path = Path.Combine(Path.GetDirectoryName(_database.FilePath)!, StoreDefaults.DefaultDatabase);

        await using var store = await GovernanceStore.OpenAsync(path, new FakeTimeProvider());

        Assert.Equal(("GOVERNANCE_DB", "governance.db"), (StoreDefaults.DatabaseVariable, StoreDefaults.DefaultDatabase));
        Assert.Equal(("sqlite", _database.FilePath), (store.Dialect, store.Location));
    }
}

[RequiresPostgreSql]
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlConnectionTests(PostgresServer server) : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [StoreFact]
    public async Task A_connection_string_with_a_password_is_shown_without_it()
    {
        var connection = new NpgsqlConnectionStringBuilder(_database!.ConnectionString) { Password = "s3cret-pw" }.ConnectionString;

        await using var store = await GovernanceStore.OpenAsync(connection, new FakeTimeProvider());

        Assert.Equal("postgresql", store.Dialect);
        Assert.DoesNotContain("s3cret-pw", store.Location, StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1", store.Location, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_postgres_url_opens_the_database()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database!.ConnectionString);
        await using (var first = await GovernanceStore.OpenAsync(_database.ConnectionString, new FakeTimeProvider()))
        {
            await first.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        }

        await using var store = await GovernanceStore.OpenAsync($"postgresql://postgres:s3cret-pw@{builder.Host}:{builder.Port}/{builder.Database}?Timeout=20", new FakeTimeProvider());

        Assert.Equal("postgresql", store.Dialect);
        Assert.DoesNotContain("s3cret-pw", store.Location, StringComparison.Ordinal);
        Assert.Contains($"Database={builder.Database}", store.Location, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetServiceAsync("checkout"))!.Version);
    }

    [StoreFact]
    public async Task Opening_an_empty_database_as_existing_creates_the_schema_as_open_does()
    {
        await using var store = await GovernanceStore.OpenExistingAsync(_database!.ConnectionString, new FakeTimeProvider());

        Assert.Equal("postgresql", store.Dialect);
        var shipped = typeof(GovernanceStore).Assembly.GetManifestResourceNames().Count(name => name.Contains(".postgresql.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal(shipped, Convert.ToInt64(await _database.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CommandStatus.Accepted, (await store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice")).Status);
    }
}

public sealed class StoreAddressTests
{
    [Fact]
    public void A_path_resolves_to_a_sqlite_connection_string_for_its_full_path()
    {
        var address = StoreAddress.Resolve("data/governance.db");

        var builder = new SqliteConnectionStringBuilder(address.ConnectionString);
        Assert.Equal(StoreAddress.Sqlite, address.Dialect);
        Assert.Equal((Path.GetFullPath("data/governance.db"), true, 120), (builder.DataSource, builder.Pooling, builder.DefaultTimeout));
    }

    [Fact]
    public void A_postgres_url_resolves_to_an_npgsql_connection_string_with_its_password()
    {
        var address = StoreAddress.Resolve("postgres://gov:p%40ss@db.internal:6432/governance?Pooling=false");

        var builder = new NpgsqlConnectionStringBuilder(address.ConnectionString);
        Assert.Equal(StoreAddress.PostgreSql, address.Dialect);
        Assert.Equal(("db.internal", 6432, "gov", "p@ss", "governance", false), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.Pooling));
    }
}
