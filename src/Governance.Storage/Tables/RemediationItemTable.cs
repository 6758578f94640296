using System.Data;
using System.Data.Common;
using System.Globalization;
using Governance.Domain.Catalog;
using Governance.Domain.Remediation;
using Governance.Storage.Browsing;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>remediation_items</c> table: one narrow row per item of every service, changed in the transaction of the service
/// write that changes the item (or the service's owner), so that progress is counted without reading states.
/// </summary>
internal static class RemediationItemTable
{
    private const string Outstanding = "status IN ('open', 'in-progress')";

    private static readonly Statement Upsert = new(
        """
        INSERT INTO remediation_items (service_id, item_id, team, programme, status, due_on)
        VALUES (@service_id, @item_id, @team, @programme, @status, @due_on)
        ON CONFLICT (service_id, item_id) DO UPDATE
        SET team = excluded.team, programme = excluded.programme, status = excluded.status, due_on = excluded.due_on
        """,
        new("service_id", DbType.String), new("item_id", DbType.String), new("team", DbType.String),
        new("programme", DbType.String), new("status", DbType.String), new("due_on", DbType.String));

    private static readonly Statement Delete = new(
        "DELETE FROM remediation_items WHERE service_id = @service_id AND item_id = @item_id",
        new("service_id", DbType.String), new("item_id", DbType.String));

    /// <summary>The condition that the item in <c>remediation_items</c> aliased <paramref name="alias"/> is open or in progress.</summary>
    public static string IsOutstanding(string alias) => $"{alias}.{Outstanding}";

    /// <summary>Queues the rows that change when a service goes from <paramref name="before"/> (null: new) to <paramref name="after"/>.</summary>
    public static async ValueTask WriteAsync(RowWriter writer, ServiceState? before, ServiceState after, CancellationToken cancellationToken)
    {
        var stored = Rows(before);
        var current = Rows(after);
        foreach (var itemId in stored.Keys.Where(itemId => !current.ContainsKey(itemId)))
        {
            await writer.AddAsync(Delete, [after.Id, itemId], null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (itemId, row) in current.Where(pair => !stored.TryGetValue(pair.Key, out var old) || !old.SequenceEqual(pair.Value)))
        {
            await writer.AddAsync(Upsert, row, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The items counted by <paramref name="column"/> (<c>team</c> or <c>programme</c>), outstanding items due before <paramref name="today"/> being overdue.</summary>
    public static async Task<List<RemediationTally>> TallyAsync(DbConnection connection, string column, DateOnly today, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, $"""
            SELECT {column}, COUNT(*),
                   SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {Outstanding} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'wont-do' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {Outstanding} AND due_on < @today THEN 1 ELSE 0 END)
            FROM remediation_items
            GROUP BY {column}
            """).AddParameter("today", Day(today));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tallies = new List<RemediationTally>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tallies.Add(new RemediationTally(
                reader.IsDBNull(0) ? null : reader.GetString(0), Count(reader, 1), Count(reader, 2), Count(reader, 3), Count(reader, 4), Count(reader, 5)));
        }

        return tallies;
    }

    private static Dictionary<string, object?[]> Rows(ServiceState? state) =>
        state?.RemediationItems.ToDictionary(item => item.Id, item => Row(state, item), StringComparer.Ordinal) ?? [];

    private static object?[] Row(ServiceState state, RemediationItem item) =>
        [state.Id, item.Id, state.Profile.Owner, item.Programme, ColumnText.Status(item.Status), item.DueOn is { } due ? Day(due) : null];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Count(DbDataReader reader, int ordinal) => checked((int)reader.GetInt64(ordinal));
}
