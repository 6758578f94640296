using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;
using Governance.Storage.Audits;
using Governance.Storage.Execution;
using Governance.Storage.Tables;

namespace Governance.Storage.Exports;

/// <summary>A service as it is now, with its score at the export's audit run: null when that run did not audit it (it is newer) or there is no run.</summary>
public sealed record ScoredService(ServiceState State, int? Score);

/// <summary>What the export's audit run found on one service, with the service's team and tier as they are now (null: no longer in the store).</summary>
public sealed record ServiceFindings(string ServiceId, string? Team, int? Tier, IReadOnlyList<TraitFinding> Traits);

/// <summary>
/// The whole fleet read for an export, in one snapshot: every service's state and every finding of the latest succeeded audit
/// run, streamed in id order so that an export of 100,000 services never holds them all. Read each stream once; dispose it
/// (which ends the snapshot) when done. Opened by <see cref="GovernanceStore.OpenFleetExportAsync"/>.
/// </summary>
public sealed class FleetExportReader : IAsyncDisposable
{
    private readonly StoreContext _context;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private FleetExportReader(StoreContext context, DbConnection connection, DbTransaction transaction, AuditRun? run)
    {
        _context = context;
        _connection = connection;
        _transaction = transaction;
        Run = run;
    }

    /// <summary>The latest succeeded audit run as of the snapshot, whose findings and scores the reader gives; null when none has succeeded.</summary>
    public AuditRun? Run { get; }

    internal static async Task<FleetExportReader> OpenAsync(StoreContext context, CancellationToken cancellationToken)
    {
        var connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction? transaction = null;
        try
        {
            transaction = await context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            var run = await new AuditRunTable(context.Dialect).ReadLatestSucceededAsync(connection, transaction, null, cancellationToken).ConfigureAwait(false);
            return new FleetExportReader(context, connection, transaction, run);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Every service, ordered by id, with its score at <see cref="Run"/>.</summary>
    public async IAsyncEnumerable<ScoredService> ReadServicesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand(_transaction, """
            SELECT s.state, r.score
            FROM services AS s
            LEFT JOIN audit_scores AS r ON r.run_id = @run_id AND r.service_id = s.id
            ORDER BY s.id
            """).AddParameter("run_id", Run?.Id, DbType.Int64);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        var rows = ParallelMap.StreamAsync(
            reader,
            row => (Json: row.GetFieldValue<byte[]>(0), Score: row.IsDBNull(1) ? (int?)null : row.GetInt32(1)),
            row => new ScoredService(_context.Services.Parse(row.Json), row.Score),
            cancellationToken);
        await foreach (var chunk in rows.ConfigureAwait(false))
        {
            foreach (var service in chunk)
            {
                yield return service;
            }
        }
    }

    /// <summary>Every service <see cref="Run"/> found traits on, ordered by id, each with its traits in the run's order; none without a run.</summary>
    public async IAsyncEnumerable<ServiceFindings> ReadFindingsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Run is null)
        {
            yield break;
        }

        await using var command = _connection.CreateCommand(_transaction, """
            SELECT p.service_id, s.owner, s.tier, p.traits
            FROM audit_profiles AS p
            LEFT JOIN services AS s ON s.id = p.service_id
            WHERE p.run_id = @run_id
            ORDER BY p.service_id
            """).AddParameter("run_id", Run.Id, DbType.Int64);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        var rows = ParallelMap.StreamAsync(
            reader,
            row => (Id: row.GetString(0), Team: row.IsDBNull(1) ? null : row.GetString(1), Tier: row.IsDBNull(2) ? (int?)null : row.GetInt32(2), Traits: row.GetFieldValue<byte[]>(3)),
            row => new ServiceFindings(row.Id, row.Team, row.Tier, DomainJson.Deserialize<List<TraitFinding>>(row.Traits)),
            cancellationToken);
        await foreach (var chunk in rows.ConfigureAwait(false))
        {
            foreach (var findings in chunk)
            {
                yield return findings;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
