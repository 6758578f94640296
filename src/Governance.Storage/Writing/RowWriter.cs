using System.Data.Common;

namespace Governance.Storage.Writing;

/// <summary>
/// Executes the writes of one transaction. Where the provider batches (Npgsql), rows travel many to a round trip;
/// otherwise (SQLite, in-process) each statement is prepared once and rebound per row.
/// </summary>
internal abstract class RowWriter : IAsyncDisposable
{
    /// <summary>The writer that suits <paramref name="connection"/>'s provider.</summary>
    public static RowWriter Create(DbConnection connection, DbTransaction transaction) =>
        connection.CanCreateBatch ? new BatchedRowWriter(connection, transaction) : new PreparedRowWriter(connection, transaction);

    /// <summary>Queues (or runs) one row's write; values follow the statement's parameters in order.</summary>
    public abstract ValueTask AddAsync(Statement statement, object?[] values, RowExpectation? expectation, CancellationToken cancellationToken);

    /// <summary>Runs whatever is queued; throws <see cref="StaleWriteException"/> when an expected row was not there.</summary>
    public abstract ValueTask FlushAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected static void Check(RowExpectation? expectation, int recordsAffected)
    {
        if (expectation is not null && recordsAffected != 1)
        {
            throw new StaleWriteException(expectation.Subject, expectation.ExpectedVersion);
        }
    }
}
