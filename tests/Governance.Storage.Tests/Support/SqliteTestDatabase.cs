using Microsoft.Data.Sqlite;

namespace Governance.Storage.Tests.Support;

/// <summary>A SQLite file in its own temporary directory, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _directory;

    public SqliteTestDatabase()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"governance-sqlite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "governance.db");
    }

    public string FilePath { get; }

    // A bare path: the form the CLI passes most often.
    public string ConnectionString => FilePath;

    public string Dialect => "sqlite";

    public string DropHistoryGuardsSql => "DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;";

    public string FreezeHistoryHeadSql => "CREATE TRIGGER history_head_frozen BEFORE UPDATE ON history_head BEGIN SELECT RAISE(IGNORE); END;";

    // BEGIN IMMEDIATE, as the store's writers begin: the write lock is held until the transaction ends.
    public Task<HeldTransaction> HoldHistoryHeadAsync() => HeldTransaction.StartAsync(
        new SqliteConnection(ConnectionStringWithoutPooling),
        connection => ((SqliteConnection)connection).BeginTransaction(deferred: false),
        "UPDATE history_head SET sequence = sequence WHERE id = 1");

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A worker that outlived its test may still hold the file; the temp directory is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }

    private string ConnectionStringWithoutPooling => new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionStringWithoutPooling);
        await connection.OpenAsync();
        return connection;
    }
}
