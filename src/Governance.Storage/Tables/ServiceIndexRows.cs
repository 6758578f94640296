using System.Data;
using Governance.Domain.Catalog;
using Governance.Storage.Execution;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// The rows of an index derived from one part of each service's state (the APIs it provides, the targets it calls), one row
/// per value and service, kept in step by the service write itself: the values the write removes are deleted, those it adds inserted.
/// </summary>
internal sealed class ServiceIndexRows(string table, string valueColumn, string serviceColumn, Func<ServiceState, IReadOnlyCollection<string>> values)
{
    // A creator that lost a race finds the winner's rows: doing nothing lets its stale service row be what fails.
    private readonly Statement _insert = new(
        $"INSERT INTO {table} ({valueColumn}, {serviceColumn}) VALUES (@value, @service_id) ON CONFLICT DO NOTHING",
        new("value", DbType.String), new("service_id", DbType.String));

    private readonly Statement _delete = new(
        $"DELETE FROM {table} WHERE {valueColumn} = @value AND {serviceColumn} = @service_id",
        new("value", DbType.String), new("service_id", DbType.String));

    /// <summary>Queues the rows that change when a service goes from the state it was read at to the state it is written at.</summary>
    public async ValueTask WriteAsync(RowWriter writer, Tracked<ServiceState> tracked, CancellationToken cancellationToken)
    {
        var serviceId = tracked.State!.Id;
        IReadOnlyCollection<string> before = tracked.Stored is null ? [] : values(tracked.Stored);
        var after = values(tracked.State);
        if (before.Count == 0 && after.Count == 0)
        {
            return;
        }

        foreach (var value in before.Except(after, StringComparer.Ordinal))
        {
            await writer.AddAsync(_delete, [value, serviceId], null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var value in after.Except(before, StringComparer.Ordinal))
        {
            await writer.AddAsync(_insert, [value, serviceId], null, cancellationToken).ConfigureAwait(false);
        }
    }
}
