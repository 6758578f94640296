using System.Data;
using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Storage.Tables;

namespace Governance.Storage.Execution;

/// <summary>
/// Reads every service and entity in two queries of one snapshot, turning the JSON into states on every core as it
/// arrives, as each table parses its states. The JSON is read as its UTF-8 bytes (both SQLite and Npgsql hand text out
/// so): no detour through UTF-16.
/// </summary>
internal static class SnapshotReader
{
    public static async Task<FleetSnapshot> ReadAsync(StoreContext context, CancellationToken cancellationToken)
    {
        await using var connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var services = await ReadStatesAsync(connection, transaction, "SELECT state FROM services ORDER BY id", context.Services, cancellationToken).ConfigureAwait(false);
        var entities = await ReadStatesAsync(connection, transaction, "SELECT state FROM catalog_entities ORDER BY kind, id", context.Entities, cancellationToken).ConfigureAwait(false);
        return new FleetSnapshot(services, entities);
    }

    private static async Task<List<T>> ReadStatesAsync<T>(DbConnection connection, DbTransaction transaction, string sql, StateTable<T> table, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        return await ParallelMap.ReadAsync(
            reader,
            row => row.GetFieldValue<byte[]>(0),
            json => table.Parse(json),
            cancellationToken).ConfigureAwait(false);
    }
}
