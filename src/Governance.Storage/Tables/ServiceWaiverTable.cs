using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Governance.Domain.Catalog;
using Governance.Storage.Browsing;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>service_waivers</c> index: one narrow row per waiver of every service (its status and last day), changed in the
/// transaction of the service write that changes the waiver, so that the fleet's waivers are found without reading every state.
/// </summary>
internal static class ServiceWaiverTable
{
    private static readonly Statement Upsert = new(
        """
        INSERT INTO service_waivers (service_id, trait_id, status, expires)
        VALUES (@service_id, @trait_id, @status, @expires)
        ON CONFLICT (service_id, trait_id) DO UPDATE
        SET status = excluded.status, expires = excluded.expires
        """,
        new("service_id", DbType.String), new("trait_id", DbType.String), new("status", DbType.String), new("expires", DbType.String));

    private static readonly Statement Delete = new(
        "DELETE FROM service_waivers WHERE service_id = @service_id AND trait_id = @trait_id",
        new("service_id", DbType.String), new("trait_id", DbType.String));

    /// <summary>Queues the rows that change when a service goes from <paramref name="before"/> (null: new) to <paramref name="after"/>.</summary>
    public static async ValueTask WriteAsync(RowWriter writer, ServiceState? before, ServiceState after, CancellationToken cancellationToken)
    {
        if ((before is null || before.Waivers.Count == 0) && after.Waivers.Count == 0)
        {
            return;
        }

        var stored = Rows(before);
        var current = Rows(after);
        foreach (var traitId in stored.Keys.Where(traitId => !current.ContainsKey(traitId)))
        {
            await writer.AddAsync(Delete, [after.Id, traitId], null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (_, row) in current.Where(pair => !stored.TryGetValue(pair.Key, out var old) || !old.SequenceEqual(pair.Value)))
        {
            await writer.AddAsync(Upsert, row, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The service and trait of every waiver that matches <paramref name="query"/>, ordered by service id, then trait.</summary>
    public static async Task<List<(string ServiceId, string TraitId)>> ReadKeysAsync(DbConnection connection, DbTransaction transaction, WaiverQuery query, CancellationToken cancellationToken)
    {
        await using var command = Filtered(connection, transaction, "service_id, trait_id", query);
        command.CommandText += " ORDER BY service_id, trait_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    /// <summary>How many waivers match <paramref name="query"/>.</summary>
    public static async Task<int> CountAsync(DbConnection connection, WaiverQuery query, CancellationToken cancellationToken)
    {
        await using var command = Filtered(connection, null, "COUNT(*)", query);
        return checked((int)await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false));
    }

    // Only fixed fragments are joined; every value is a parameter.
    private static DbCommand Filtered(DbConnection connection, DbTransaction? transaction, string columns, WaiverQuery query)
    {
        var command = connection.CreateCommand(transaction, string.Empty);
        var conditions = new List<string>(3);
        if (query.Status is { } status)
        {
            conditions.Add("status = @status");
            command.AddParameter("status", ColumnText.Status(status));
        }

        if (query.ExpiresFrom is { } from)
        {
            conditions.Add("expires >= @expires_from");
            command.AddParameter("expires_from", Day(from));
        }

        if (query.ExpiresUntil is { } until)
        {
            conditions.Add("expires <= @expires_until");
            command.AddParameter("expires_until", Day(until));
        }

        var sql = new StringBuilder($"SELECT {columns} FROM service_waivers");
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static Dictionary<string, object?[]> Rows(ServiceState? state) =>
        state?.Waivers.ToDictionary(waiver => waiver.TraitId, waiver => Row(state, waiver), StringComparer.Ordinal) ?? [];

    private static object?[] Row(ServiceState state, Waiver waiver) => [state.Id, waiver.TraitId, ColumnText.Status(waiver.Status), Day(waiver.Expires)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
