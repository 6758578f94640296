using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Governance.Storage.Connections;

/// <summary>
/// The <see cref="DbDataSource"/> that Microsoft.Data.Sqlite lacks: hands out pooled connections to one file,
/// each configured to wait for the write lock instead of failing with "database is locked".
/// </summary>
internal sealed class SqliteDataSource : DbDataSource
{
    // SQLite's own busy handler waits in small steps; Microsoft.Data.Sqlite's retry loop (DefaultTimeout) only
    // starts once this has run out, and polls every 150 ms.
    private const int BusyTimeoutMilliseconds = 60_000;

    private readonly string _connectionString;

    public SqliteDataSource(string connectionString)
    {
        _connectionString = connectionString;
    }

    public override string ConnectionString => _connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(_connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Configure(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Pooled connections keep the file open; let it go with the store.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }

    // Per-connection settings: they are not stored in the file (WAL mode is, and is set by the migrator).
    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
