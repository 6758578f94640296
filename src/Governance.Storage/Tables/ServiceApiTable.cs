using System.Data;
using System.Data.Common;
using Governance.Storage.Dialects;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>service_apis</c> index: which services provide which API. Its rows change in the transaction of the service write
/// that changes the service's provided APIs, so an <c>api:NAME</c> edge resolves in one indexed query, never a scan of states.
/// </summary>
internal sealed class ServiceApiTable(SqlDialect dialect)
{
    // A creator that lost a race finds the winner's rows: doing nothing lets its stale service row be what fails.
    private static readonly Statement Insert = new(
        """
        INSERT INTO service_apis (api, service_id) VALUES (@api, @service_id)
        ON CONFLICT (api, service_id) DO NOTHING
        """,
        new("api", DbType.String), new("service_id", DbType.String));

    private static readonly Statement Delete = new(
        "DELETE FROM service_apis WHERE api = @api AND service_id = @service_id",
        new("api", DbType.String), new("service_id", DbType.String));

    private readonly string _selectProviders = $"""
        SELECT MIN(service_id) FROM service_apis
        WHERE {dialect.InList("api", "@apis")} AND service_id <> @service_id
        GROUP BY api
        """;

    /// <summary>Queues the rows that change when a service's provided APIs go from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static async ValueTask WriteAsync(RowWriter writer, string serviceId, IReadOnlyList<string> before, IReadOnlyList<string> after, CancellationToken cancellationToken)
    {
        if (before.Count == 0 && after.Count == 0)
        {
            return;
        }

        foreach (var api in before.Except(after, StringComparer.Ordinal))
        {
            await writer.AddAsync(Delete, [api, serviceId], null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var api in after.Except(before, StringComparer.Ordinal))
        {
            await writer.AddAsync(Insert, [api, serviceId], null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>For each of <paramref name="apis"/> (names, without <c>api:</c>), its provider with the smallest id other than <paramref name="exceptServiceId"/>.</summary>
    public async Task<List<string>> ReadProvidersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> apis, string exceptServiceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, _selectProviders)
            .AddParameter("apis", dialect.ListValue(apis))
            .AddParameter("service_id", exceptServiceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var providers = new List<string>(apis.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            providers.Add(reader.GetString(0));
        }

        return providers;
    }
}
