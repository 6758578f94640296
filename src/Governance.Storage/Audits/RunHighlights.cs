using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Domain.Serialization;
using Governance.Storage.Tables;

namespace Governance.Storage.Audits;

/// <summary>The few services of a run that an overview shows first: the riskiest, and the hubs with the most critical-path callers.</summary>
internal static class RunHighlights
{
    // The top ids from an index, then the wide rows of those alone: sorting every profile with its traits would read them all.
    private const string SelectRiskiest = """
        SELECT ranked.service_id, profiles.traits, services.name, services.owner, services.tier
        FROM (SELECT service_id, score FROM audit_scores
              WHERE run_id = @run_id AND score > 0
              ORDER BY score DESC, service_id LIMIT @limit) AS ranked
        JOIN audit_profiles AS profiles ON profiles.run_id = @run_id AND profiles.service_id = ranked.service_id
        LEFT JOIN services ON services.id = ranked.service_id
        ORDER BY ranked.score DESC, ranked.service_id
        """;

    private const string SelectHubs = """
        SELECT ranked.service_id, graph.facts, services.name, services.tier
        FROM (SELECT service_id, critical_fan_in FROM audit_graph_facts
              WHERE run_id = @run_id AND critical_fan_in > 0
              ORDER BY critical_fan_in DESC, service_id LIMIT @limit) AS ranked
        JOIN audit_graph_facts AS graph ON graph.run_id = @run_id AND graph.service_id = ranked.service_id
        LEFT JOIN services ON services.id = ranked.service_id
        ORDER BY ranked.critical_fan_in DESC, ranked.service_id
        """;

    public static async Task<List<RankedService>> ReadRiskiestAsync(DbConnection connection, long runId, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, SelectRiskiest).AddParameter("run_id", runId).AddParameter("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ranked = new List<RankedService>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var profile = new RiskProfile(reader.GetString(0), DomainJson.Deserialize<List<TraitFinding>>(reader.GetString(1)));
            ranked.Add(new RankedService(profile.ServiceId, Text(reader, 2), Text(reader, 3), Number(reader, 4), profile));
        }

        return ranked;
    }

    public static async Task<List<CriticalPathHub>> ReadHubsAsync(DbConnection connection, long runId, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, SelectHubs).AddParameter("run_id", runId).AddParameter("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hubs = new List<CriticalPathHub>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hubs.Add(new CriticalPathHub(reader.GetString(0), Text(reader, 2), Number(reader, 3), AuditGraphTable.Parse(reader.GetString(1))));
        }

        return hubs;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int? Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
