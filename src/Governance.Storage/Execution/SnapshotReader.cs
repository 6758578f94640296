using System.Data;
using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Domain.Serialization;
using Governance.Storage.Tables;

namespace Governance.Storage.Execution;

/// <summary>
/// Reads every service and entity in two queries of one snapshot, turning the JSON into states on every core as it
/// arrives. The JSON is read as its UTF-8 bytes (both SQLite and Npgsql hand text out so): no detour through UTF-16.
/// </summary>
internal static class SnapshotReader
{
    private delegate T Parse<out T>(ReadOnlySpan<byte> utf8Json);

    public static async Task<FleetSnapshot> ReadAsync(StoreContext context, CancellationToken cancellationToken)
    {
        await using var connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var services = await ReadStatesAsync(connection, transaction, "SELECT state FROM services ORDER BY id", DomainJson.ReadServiceState, cancellationToken).ConfigureAwait(false);
        var entities = await ReadStatesAsync(connection, transaction, "SELECT state FROM catalog_entities ORDER BY kind, id", DomainJson.ReadCatalogEntity, cancellationToken).ConfigureAwait(false);
        return new FleetSnapshot(services, entities);
    }

    private static async Task<List<T>> ReadStatesAsync<T>(DbConnection connection, DbTransaction transaction, string sql, Parse<T> parse, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        return await ParallelMap.ReadAsync(
            reader,
            row => row.GetFieldValue<byte[]>(0),
            json => parse(json),
            cancellationToken).ConfigureAwait(false);
    }
}
