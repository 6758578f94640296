using System.Data.Common;

namespace Governance.Storage.Writing;

/// <summary>Queues rows into a <see cref="DbBatch"/> and sends them a few hundred to a round trip.</summary>
internal sealed class BatchedRowWriter(DbConnection connection, DbTransaction transaction) : RowWriter
{
    // Large enough to amortise the round trip, small enough that neither side's buffers fill up mid-batch.
    private const int RowsPerRoundTrip = 500;

    private readonly List<RowExpectation?> _expectations = new(RowsPerRoundTrip);
    private DbBatch? _batch;

    public override async ValueTask AddAsync(Statement statement, object?[] values, RowExpectation? expectation, CancellationToken cancellationToken)
    {
        _batch ??= NewBatch();
        var command = _batch.CreateBatchCommand();
        command.CommandText = statement.Sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = statement.Parameters[i].Name;
            parameter.DbType = statement.Parameters[i].Type;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        _batch.BatchCommands.Add(command);
        _expectations.Add(expectation);
        if (_expectations.Count >= RowsPerRoundTrip)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is null || _expectations.Count == 0)
        {
            return;
        }

        await _batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _expectations.Count; i++)
        {
            Check(_expectations[i], _batch.BatchCommands[i].RecordsAffected);
        }

        await _batch.DisposeAsync().ConfigureAwait(false);
        _batch = null;
        _expectations.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync().ConfigureAwait(false);
            _batch = null;
        }
    }

    private DbBatch NewBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
