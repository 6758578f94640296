using System.Data;
using System.Data.Common;
using System.Globalization;
using Governance.Domain.Graph;
using Governance.Storage.Dialects;
using Governance.Storage.Execution;
using Governance.Storage.Tables;
using Governance.Storage.Writing;

namespace Governance.Storage.Audits;

/// <summary>
/// The <c>audit_graph_facts</c> table: every audited service's <see cref="GraphFacts"/>, written all at once inside the
/// run's completing transaction. A row's facts are a JSON array of the 13 values in the record's declaration order.
/// </summary>
internal static class AuditGraphTable
{
    private const int FieldCount = 13;

    // The newest succeeded run, and the service's row in it if it has one: one probe of each primary key.
    private const string SelectLatest = """
        SELECT runs.id, graph.facts
        FROM audit_runs AS runs
        LEFT JOIN audit_graph_facts AS graph ON graph.run_id = runs.id AND graph.service_id = @service_id
        WHERE runs.status = 'succeeded'
        ORDER BY runs.id DESC
        LIMIT 1
        """;

    // critical_fan_in repeats one of the facts for the index that finds a run's hubs.
    private static readonly Statement Insert = new(
        "INSERT INTO audit_graph_facts (run_id, service_id, facts, critical_fan_in) VALUES (@run_id, @service_id, @facts, @critical_fan_in)",
        new("run_id", DbType.Int64), new("service_id", DbType.String), new("facts", DbType.String), new("critical_fan_in", DbType.Int32));

    /// <summary>Writes the facts of every service inside <paramref name="transaction"/>; <paramref name="graph"/>[i] belongs to <paramref name="serviceIds"/>[i].</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long runId, IReadOnlyList<string> serviceIds, IReadOnlyList<GraphFacts> graph, CancellationToken cancellationToken)
    {
        var rows = ParallelMap.MapAheadAsync(serviceIds.Count, i => new object?[] { runId, serviceIds[i], Format(graph[i]), graph[i].CriticalFanIn }, cancellationToken);
        return BulkRows.InsertAsync(connection, transaction, dialect, "audit_graph_facts", Insert, rows, cancellationToken);
    }

    /// <summary>The latest succeeded run with <paramref name="serviceId"/>'s facts in it (null when it was not audited); null when no run succeeded.</summary>
    public static async Task<RunGraphFacts?> ReadLatestAsync(DbConnection connection, string serviceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, SelectLatest).AddParameter("service_id", serviceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new RunGraphFacts(reader.GetInt64(0), reader.IsDBNull(1) ? null : Parse(reader.GetString(1)));
    }

    /// <summary>The JSON array of <paramref name="facts"/>: numbers, <c>null</c> for an unknown value, <c>true</c>/<c>false</c> for the cycle.</summary>
    public static string Format(GraphFacts facts) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{facts.FanIn},{facts.FanOut},{facts.TransitiveFanIn},{facts.TransitiveFanOut},{facts.CriticalFanIn},{facts.CriticalFanInTier0}," +
        $"{facts.BlastRadiusServices},{facts.BlastRadiusProducts},{Optional(facts.AllowedRtoMinutes)},{(facts.InCycle ? "true" : "false")}," +
        $"{facts.DanglingDependencies},{facts.DeprecatedDependencies},{Optional(facts.MinInboundTimeoutMs)}]");

    /// <summary>Reads what <see cref="Format"/> wrote.</summary>
    public static GraphFacts Parse(string text)
    {
        var values = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1].Split(',') : [];
        if (values.Length != FieldCount)
        {
            throw new InvalidOperationException($"audit_graph_facts holds '{text}', not an array of {FieldCount} values");
        }

        return new GraphFacts(
            Number(values[0]),
            Number(values[1]),
            Number(values[2]),
            Number(values[3]),
            Number(values[4]),
            Number(values[5]),
            Number(values[6]),
            Number(values[7]),
            values[8] == "null" ? null : Number(values[8]),
            bool.Parse(values[9]),
            Number(values[10]),
            Number(values[11]),
            values[12] == "null" ? null : Number(values[12]));
    }

    private static string Optional(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static int Number(string value) => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
