using Npgsql;

namespace Governance.Storage.Tests.Support;

/// <summary>One database on the test server, dropped (connections and all) afterwards.</summary>
public sealed class PostgresTestDatabase(string connectionString, Func<Task> drop) : ITestDatabase
{
    public string ConnectionString { get; } = connectionString;

    public string Dialect => "postgresql";

    public string DropHistoryGuardsSql => "DROP TRIGGER history_no_update ON history; DROP TRIGGER history_no_delete ON history;";

    // A BEFORE trigger that returns NULL skips the row: the UPDATE reports 0 rows.
    public string FreezeHistoryHeadSql => """
        CREATE FUNCTION history_head_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
        CREATE TRIGGER history_head_frozen BEFORE UPDATE ON history_head FOR EACH ROW EXECUTE FUNCTION history_head_frozen();
        """;

    // The row lock an UPDATE takes is held until the transaction ends, as a writer's SELECT … FOR UPDATE is.
    public Task<HeldTransaction> HoldHistoryHeadAsync() => HeldTransaction.StartAsync(
        new NpgsqlConnection(ConnectionStringWithoutPooling),
        connection => ((NpgsqlConnection)connection).BeginTransaction(),
        "UPDATE history_head SET sequence = sequence WHERE id = 1");

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

    private string ConnectionStringWithoutPooling => new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionStringWithoutPooling);
        await connection.OpenAsync();
        return connection;
    }
}
