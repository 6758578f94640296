using System.Data;
using System.Data.Common;
using Governance.Storage.Execution;
using Governance.Storage.Dialects;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// A table of current aggregate states: a key, a few columns that queries filter on, the JSON state and its version.
/// Every SELECT it runs starts with <c>version, state, updated_at</c>.
/// </summary>
internal abstract class StateTable<TState>
    where TState : class
{
    protected const string StateColumns = "version, state, updated_at";

    protected StateTable(SqlDialect dialect)
    {
        Dialect = dialect;
    }

    protected SqlDialect Dialect { get; }

    /// <summary>Inserts a new row; does nothing (and so touches no row) when the key exists.</summary>
    protected abstract Statement Insert { get; }

    /// <summary>The insert's parameters plus <c>expected_version</c>, the version the row must still have.</summary>
    protected abstract Statement Update { get; }

    /// <summary>The subject under which history of <paramref name="state"/> is kept.</summary>
    public abstract string Subject(TState state);

    /// <summary>The state whose JSON (as the domain writes it) is <paramref name="utf8Json"/>.</summary>
    public abstract TState Parse(ReadOnlySpan<byte> utf8Json);

    /// <summary>The current version of <paramref name="subject"/>, 0 when it does not exist.</summary>
    public abstract Task<long> ReadVersionAsync(DbConnection connection, string subject, CancellationToken cancellationToken);

    /// <summary>Queues the write of the tracked state at its version, conditional on the row still being at the version it was read at (0: absent).</summary>
    public ValueTask WriteStateAsync(RowWriter writer, Tracked<TState> tracked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = tracked.State!;
        var row = RowValues(state, tracked.Version, tracked.StateJson!, Dialect.TimeValue(now));
        var expectation = new RowExpectation(Subject(state), tracked.StoredVersion);
        return tracked.StoredVersion == 0
            ? writer.AddAsync(Insert, row, expectation, cancellationToken)
            : writer.AddAsync(Update, [.. row, tracked.StoredVersion], expectation, cancellationToken);
    }

    /// <summary>Runs <paramref name="command"/> (which selects <see cref="StateColumns"/> first) and reads every row.</summary>
    public async Task<List<Versioned<TState>>> QueryAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<Versioned<TState>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new Versioned<TState>(Parse(reader.GetFieldValue<byte[]>(1)), reader.GetInt64(0), Dialect.ReadTime(reader, 2)));
        }

        return rows;
    }

    /// <summary>The row's column values, in the order of <see cref="Insert"/>'s parameters.</summary>
    protected abstract object?[] RowValues(TState state, long version, string json, object updatedAt);

    protected static StatementParameter Text(string name) => new(name, DbType.String);

    protected static StatementParameter Int32(string name) => new(name, DbType.Int32);

    protected static StatementParameter Int64(string name) => new(name, DbType.Int64);

    protected StatementParameter Time(string name) => new(name, Dialect.TimeType);
}
