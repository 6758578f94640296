using System.Data.Common;
using Governance.Storage.Dialects;

namespace Governance.Storage.Writing;

/// <summary>Inserts many rows of one table inside a transaction: by the dialect's bulk path where it has one, else through one prepared statement.</summary>
internal static class BulkRows
{
    /// <summary>Inserts <paramref name="rows"/>, whose values follow <paramref name="insert"/>'s parameters, into <paramref name="table"/>.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string table, Statement insert, IAsyncEnumerable<object?[][]> rows, CancellationToken cancellationToken)
    {
        if (dialect.HasBulkInsert)
        {
            await dialect.BulkInsertAsync(connection, table, insert.Parameters, rows, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var writer = RowWriter.Create(connection, transaction);
        await foreach (var chunk in rows.ConfigureAwait(false))
        {
            foreach (var row in chunk)
            {
                await writer.AddAsync(insert, row, null, cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
