using System.Data.Common;
using Governance.Storage.Dialects;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>service_dependencies</c> index: each service's outgoing edges by target as written (a service id or <c>api:NAME</c>).
/// Its rows change in the transaction of the service write that changes the service's targets, so a service's callers are
/// found and counted in indexed queries, never a scan of states.
/// </summary>
internal sealed class ServiceDependencyTable(SqlDialect dialect)
{
    /// <summary>Each service's rows, kept by every service write (<c>ServiceTable.WriteAsync</c>).</summary>
    public static readonly ServiceIndexRows Rows = new("service_dependencies", "target", "caller_id", state => [.. state.Dependencies.Select(edge => edge.Target)]);

    // A caller has one row per target, so the rows of one target count its callers; over several, DISTINCT (a sort) is needed.
    private const string CountCallersOfOne = """
        SELECT COUNT(*) FROM service_dependencies
        WHERE target = @target AND caller_id <> @callee
        """;

    private readonly string _countCallers = $"""
        SELECT COUNT(DISTINCT caller_id) FROM service_dependencies
        WHERE {dialect.InList("target", "@targets")} AND caller_id <> @callee
        """;

    private readonly string _selectFirstCallers = $"""
        SELECT DISTINCT caller_id FROM service_dependencies
        WHERE {dialect.InList("target", "@targets")} AND caller_id <> @callee
        ORDER BY caller_id
        LIMIT @limit
        """;

    // The services named that exist and have no edge to the targets: those the index does not find, nor count.
    private readonly string _selectDeclaredOnly = $"""
        SELECT id FROM services
        WHERE {dialect.InList("id", "@declared")} AND id <> @callee
          AND NOT EXISTS (SELECT 1 FROM service_dependencies WHERE caller_id = services.id AND {dialect.InList("target", "@targets")})
        """;

    /// <summary>
    /// How many services other than <paramref name="calleeId"/> have an edge to one of <paramref name="targets"/> (service ids and
    /// <c>api:NAME</c> references), and the first <paramref name="limit"/> of their ids in id order.
    /// </summary>
    public async Task<(List<string> First, int Total)> ReadCallersAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> targets, string calleeId, int limit, CancellationToken cancellationToken)
    {
        var list = dialect.ListValue(targets);
        await using var count = targets.Count == 1
            ? connection.CreateCommand(transaction, CountCallersOfOne).AddParameter("target", targets.First())
            : connection.CreateCommand(transaction, _countCallers).AddParameter("targets", list);
        count.AddParameter("callee", calleeId);
        var total = checked((int)await count.ExecuteInt64Async(cancellationToken).ConfigureAwait(false));
        if (total == 0 || limit == 0)
        {
            return ([], total);
        }

        await using var select = connection.CreateCommand(transaction, _selectFirstCallers)
            .AddParameter("targets", list)
            .AddParameter("callee", calleeId)
            .AddParameter("limit", limit);
        return (await ReadIdsAsync(select, Math.Min(limit, total), cancellationToken).ConfigureAwait(false), total);
    }

    /// <summary>The ids among <paramref name="declared"/>, other than <paramref name="calleeId"/>, of the stored services that have no edge to one of <paramref name="targets"/>.</summary>
    public async Task<List<string>> ReadDeclaredOnlyAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> targets, string calleeId, IReadOnlyCollection<string> declared, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, _selectDeclaredOnly)
            .AddParameter("declared", dialect.ListValue(declared))
            .AddParameter("callee", calleeId)
            .AddParameter("targets", dialect.ListValue(targets));
        return await ReadIdsAsync(command, declared.Count, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> ReadIdsAsync(DbCommand command, int capacity, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>(capacity);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
