using System.Data;
using System.Data.Common;
using System.Text.Json;
using Governance.Domain.History;
using Microsoft.Data.Sqlite;

namespace Governance.Storage.Dialects;

/// <summary>SQLite: BEGIN IMMEDIATE serialises writers, times are ISO text, lists travel as a JSON array.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string Name => "sqlite";

    public override DbType TimeType => DbType.String;

    public override string CreateMigrationsTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT
        """;

    public override bool HasSingleWriter => true;

    // BEGIN IMMEDIATE takes the write lock up front, so a read inside the transaction is never stale and a
    // deferred reader can never fail to upgrade (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // A deferred transaction takes its snapshot at the first read and keeps it to the end.
    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // WAL lets readers go on while one process writes; the mode is stored in the file, so setting it once is enough.
    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginWriteAsync(connection, cancellationToken);

    public override object TimeValue(DateTimeOffset time) => HistoryEntry.FormatTime(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => HistoryEntry.ParseTime(reader.GetString(ordinal));

    public override string InList(string expression, string parameter) => $"{expression} IN (SELECT value FROM json_each({parameter}))";

    public override object ListValue(IReadOnlyCollection<string> values) => JsonSerializer.Serialize(values);
}
