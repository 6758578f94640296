using System.Data.Common;
using Governance.Storage.Dialects;

namespace Governance.Storage.Tables;

/// <summary>
/// The <c>service_apis</c> index: which services provide which API. Its rows change in the transaction of the service write
/// that changes the service's provided APIs, so an <c>api:NAME</c> edge resolves in one indexed query, never a scan of states.
/// </summary>
internal sealed class ServiceApiTable(SqlDialect dialect)
{
    /// <summary>Each service's rows, kept by every service write (<c>ServiceTable.WriteAsync</c>).</summary>
    public static readonly ServiceIndexRows Rows = new("service_apis", "api", "service_id", state => state.Profile.ProvidesApis);

    private readonly string _selectProviders = $"""
        SELECT MIN(service_id) FROM service_apis
        WHERE {dialect.InList("api", "@apis")} AND service_id <> @service_id
        GROUP BY api
        """;

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
