using System.Data.Common;
using Governance.Storage.Dialects;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>service_dependencies</c> index: each service's outgoing edges by target as written (a service id or <c>api:NAME</c>).
/// Its rows change in the transaction of the service write that changes the service's targets, so a service's callers are
/// found in one indexed query, never a scan of states.
/// </summary>
internal sealed class ServiceDependencyTable(SqlDialect dialect)
{
    /// <summary>Each service's rows, kept by every service write (<c>ServiceTable.WriteAsync</c>).</summary>
    public static readonly ServiceIndexRows Rows = new("service_dependencies", "target", "caller_id", state => [.. state.Dependencies.Select(edge => edge.Target)]);

    private readonly string _selectCallers = $"SELECT caller_id FROM service_dependencies WHERE {dialect.InList("target", "@targets")}";

    /// <summary>The ids of the services with an edge to one of <paramref name="targets"/> (service ids and <c>api:NAME</c> references).</summary>
    public async Task<HashSet<string>> ReadCallersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> targets, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, _selectCallers).AddParameter("targets", dialect.ListValue(targets));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var callers = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            callers.Add(reader.GetString(0));
        }

        return callers;
    }
}
