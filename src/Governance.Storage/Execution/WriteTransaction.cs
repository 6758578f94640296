using System.Data.Common;

namespace Governance.Storage.Execution;

/// <summary>
/// A write transaction on its own connection. Disposing it without <see cref="CommitAsync"/> rolls it back and lets the
/// next writer of this store in.
/// </summary>
internal sealed class WriteTransaction : IAsyncDisposable
{
    private readonly SemaphoreSlim? _gate;

    private WriteTransaction(DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate)
    {
        Connection = connection;
        Transaction = transaction;
        _gate = gate;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>Waits for <paramref name="gate"/> (when there is one), then opens a connection and begins the write on it.</summary>
    public static async Task<WriteTransaction> BeginAsync(StoreContext context, SemaphoreSlim? gate, CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        DbConnection? connection = null;
        try
        {
            connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await context.Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            return new WriteTransaction(connection, transaction, gate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            gate?.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate?.Release();
        }
    }
}
