using System.Data.Common;
using Npgsql;

namespace Governance.Storage.Dialects;

/// <summary>PostgreSQL: the history head is locked FOR UPDATE, migrations take an advisory lock, lists are text arrays.</summary>
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

    public override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

    public override object ListValue(IReadOnlyCollection<string> values) => values.ToArray();

    // A deadlock or a serialization failure aborts one transaction; running it again is the remedy.
    public override bool IsConcurrencyFailure(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
