using System.Data.Common;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;

namespace Governance.Storage.Execution;

/// <summary>What every operation of one store shares: the data source, the dialect, the clock and the tables.</summary>
internal sealed class StoreContext(DbDataSource dataSource, SqlDialect dialect, TimeProvider timeProvider)
{
    /// <summary>How many times a command is tried on fresh state before a conflict is reported.</summary>
    public const int MaxAttempts = 50;

    public DbDataSource DataSource { get; } = dataSource;

    public SqlDialect Dialect { get; } = dialect;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ServiceTable Services { get; } = new(dialect);

    public EntityTable Entities { get; } = new(dialect);

    public HistoryTable History { get; } = new(dialect);

    // SQLite lets one writer in at a time, and its busy handler makes the others sleep in growing steps (up to 100 ms),
    // so a late comer can overtake one that has waited long. This process's writers queue here instead, in order.
    private readonly SemaphoreSlim? _writers = dialect.HasSingleWriter ? new SemaphoreSlim(1, 1) : null;

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Opens a connection and begins a write transaction on it, after this store's earlier writers where the database takes one at a time.</summary>
    public Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken) => WriteTransaction.BeginAsync(this, _writers, cancellationToken);

    /// <summary>
    /// The version <paramref name="subject"/> has now, outside any transaction; 0 when it does not exist. The version of
    /// <see cref="HistoryTable.HeadSubject"/> is the head's sequence.
    /// </summary>
    public async Task<long> ReadVersionAsync(string subject, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (subject == HistoryTable.HeadSubject)
        {
            return (await History.ReadHeadAsync(connection, null, cancellationToken).ConfigureAwait(false)).Sequence;
        }

        return subject.StartsWith(ServiceTable.SubjectPrefix, StringComparison.Ordinal)
            ? await Services.ReadVersionAsync(connection, subject, cancellationToken).ConfigureAwait(false)
            : await Entities.ReadVersionAsync(connection, subject, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits before attempt <paramref name="attempt"/> + 1: exponential, capped, with full jitter so that losers spread out.</summary>
    public Task BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        var ceilingMs = Math.Min(100, 2 << Math.Min(attempt, 6));
        var delay = TimeSpan.FromMilliseconds(1 + Random.Shared.Next(ceilingMs));
        return Task.Delay(delay, TimeProvider, cancellationToken);
    }
}
