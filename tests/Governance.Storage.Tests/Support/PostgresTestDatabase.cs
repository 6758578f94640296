using Npgsql;

namespace Governance.Storage.Tests.Support;

/// <summary>One database on the test server, dropped (connections and all) afterwards.</summary>
public sealed class PostgresTestDatabase(string connectionString, Func<Task> drop) : ITestDatabase
{
    public string ConnectionString { get; } = connectionString;

    public string Dialect => "postgresql";

    public string DropHistoryGuardsSql => "DROP TRIGGER history_no_update ON history; DROP TRIGGER history_no_delete ON history;";

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync() => await drop();

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
