using System.Data.Common;

namespace Governance.Storage.Tests.Support;

/// <summary>An open transaction on its own connection, as a writer in the middle of its work has; rolled back when disposed.</summary>
public sealed class HeldTransaction(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    /// <summary>Begins a transaction on <paramref name="connection"/> (through <paramref name="begin"/>) and runs <paramref name="sql"/> in it.</summary>
    public static async Task<HeldTransaction> StartAsync(DbConnection connection, Func<DbConnection, DbTransaction> begin, string sql)
    {
        try
        {
            await connection.OpenAsync();
            var transaction = begin(connection);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return new HeldTransaction(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
