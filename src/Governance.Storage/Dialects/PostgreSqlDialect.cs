using System.Data;
using System.Data.Common;
using Governance.Storage.Writing;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Storage.Dialects;

/// <summary>PostgreSQL: the history head is locked FOR UPDATE, migrations take an advisory lock, lists are text arrays, bulk rows go by COPY.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    // Any fixed number: every process that opens the store agrees on it.
    private const long MigrationLockKey = 0x476F76_4D696772;

    public static readonly PostgreSqlDialect Instance = new();

    public override string Name => "postgresql";

    public override string LockRowsClause => " FOR UPDATE";

    public override string CreateMigrationsTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL
        )
        """;

    public override async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.Add(new NpgsqlParameter<long>("key", MigrationLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    // Read only and without FOR UPDATE, a REPEATABLE READ snapshot neither waits for writers nor fails when they commit.
    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await base.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET TRANSACTION READ ONLY";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    public override string LikeIgnoringCase => "ILIKE";

    public override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

    public override object ListValue(IReadOnlyCollection<string> values) => values.ToArray();

    // Binary COPY takes rows many times faster than batched INSERTs; a row the table refuses fails the whole COPY, and the
    // transaction with it.
    public override bool HasBulkInsert => true;

    public override async Task BulkInsertAsync(DbConnection connection, string table, IReadOnlyList<StatementParameter> columns, IAsyncEnumerable<object?[][]> rows, CancellationToken cancellationToken)
    {
        var types = columns.Select(column => TypeOf(column.Type)).ToArray();
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(column => column.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        await foreach (var chunk in rows.ConfigureAwait(false))
        {
            foreach (var row in chunk)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < row.Length; i++)
                {
                    await importer.WriteAsync(row[i], types[i], cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    // A deadlock or a serialization failure aborts one transaction; running it again is the remedy.
    public override bool IsConcurrencyFailure(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    private static NpgsqlDbType TypeOf(DbType type) => type switch
    {
        DbType.Int64 => NpgsqlDbType.Bigint,
        DbType.Int32 => NpgsqlDbType.Integer,
        DbType.String => NpgsqlDbType.Text,
        DbType.DateTimeOffset => NpgsqlDbType.TimestampTz,
        _ => throw new NotSupportedException($"no COPY type for {type}"),
    };
}
