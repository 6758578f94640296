using System.Data;
using System.Data.Common;
using Governance.Domain.History;
using Governance.Storage.Writing;

namespace Governance.Storage.Dialects;

/// <summary>
/// What one database does differently. The SQL itself is shared (see the tables); a dialect overrides only the
/// pieces that differ: how a write transaction starts, how time is stored, how a list is passed, how the history head is locked.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The dialect's name, also the folder of its migrations.</summary>
    public abstract string Name { get; }

    /// <summary>Appended to the head's SELECT so that appenders queue behind each other.</summary>
    public virtual string LockRowsClause => string.Empty;

    /// <summary>The parameter type that times are written with.</summary>
    public virtual DbType TimeType => DbType.DateTimeOffset;

    /// <summary>True when the database lets one write transaction in at a time, whatever it touches.</summary>
    public virtual bool HasSingleWriter => false;

    /// <summary>Begins the transaction of a write: every write reads and writes inside one.</summary>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <summary>Begins a read-only transaction whose statements all see one snapshot.</summary>
    public virtual async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <summary>Settings kept in the database file itself, made before the migration transaction begins.</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Begins the transaction that applies migrations, holding off every other process that opens the store.</summary>
    public abstract Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The DDL of the table that records applied migrations.</summary>
    public abstract string CreateMigrationsTableSql { get; }

    /// <summary>The value a time is written as.</summary>
    public virtual object TimeValue(DateTimeOffset time) => HistoryEntry.Normalize(time);

    /// <summary>Reads a time written by <see cref="TimeValue"/>, exactly.</summary>
    public virtual DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A condition that <paramref name="expression"/> is one of the strings in list parameter <paramref name="parameter"/>.</summary>
    public abstract string InList(string expression, string parameter);

    /// <summary>The value of a list parameter used with <see cref="InList"/>.</summary>
    public abstract object ListValue(IReadOnlyCollection<string> values);

    /// <summary>The operator that matches a LIKE pattern whatever the case of letters: SQLite's LIKE already ignores the case of ASCII letters (and its lower() folds no others).</summary>
    public virtual string LikeIgnoringCase => "LIKE";

    /// <summary>Whether <see cref="BulkInsertAsync"/> beats a <see cref="RowWriter"/> here.</summary>
    public virtual bool HasBulkInsert => false;

    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/> inside the connection's transaction by the database's bulk path.</summary>
    public virtual Task BulkInsertAsync(DbConnection connection, string table, IReadOnlyList<StatementParameter> columns, IAsyncEnumerable<object?[][]> rows, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} has no bulk insert");

    /// <summary>True when the database aborted the transaction because of a concurrent one, so that a retry may succeed.</summary>
    public virtual bool IsConcurrencyFailure(DbException exception) => false;
}
