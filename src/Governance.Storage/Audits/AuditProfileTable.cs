using System.Data;
using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Domain.Serialization;
using Governance.Storage.Browsing;
using Governance.Storage.Dialects;
using Governance.Storage.Execution;
using Governance.Storage.Tables;
using Governance.Storage.Writing;

namespace Governance.Storage.Audits;

/// <summary>The <c>audit_profiles</c> table: a run's risk profiles, written all at once inside the run's completing transaction.</summary>
internal static class AuditProfileTable
{
    private const char PolicySeparator = ' ';

    private static readonly Statement Insert = new(
        """
        INSERT INTO audit_profiles (run_id, service_id, score, level, policy_ids, traits)
        VALUES (@run_id, @service_id, @score, @level, @policy_ids, @traits)
        """,
        new("run_id", DbType.Int64), new("service_id", DbType.String), new("score", DbType.Int32), new("level", DbType.String),
        new("policy_ids", DbType.String), new("traits", DbType.String));

    /// <summary>Writes every profile's row inside <paramref name="transaction"/>, in bulk where the dialect can, while the pool makes the JSON of the rows to come.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long runId, IReadOnlyList<RiskProfile> profiles, CancellationToken cancellationToken)
    {
        var rows = ParallelMap.MapAheadAsync(profiles, profile => Row(runId, profile), cancellationToken);
        await BulkRows.InsertAsync(connection, transaction, dialect, "audit_profiles", Insert, rows, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<RiskProfile>> ReadAsync(DbConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT service_id, traits FROM audit_profiles WHERE run_id = @run_id ORDER BY score DESC, service_id")
            .AddParameter("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        return await ParallelMap.ReadAsync(
            reader,
            row => (ServiceId: row.GetString(0), Traits: row.GetFieldValue<byte[]>(1)),
            row => new RiskProfile(row.ServiceId, DomainJson.Deserialize<List<TraitFinding>>(row.Traits)),
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<FindingKey>> ReadKeysAsync(DbConnection connection, DbTransaction? transaction, long runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT service_id, policy_ids FROM audit_profiles WHERE run_id = @run_id ORDER BY service_id")
            .AddParameter("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        var keys = new List<FindingKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var serviceId = reader.GetString(0);
            keys.AddRange(reader.GetString(1).Split(PolicySeparator).Select(policy => new FindingKey(serviceId, policy)));
        }

        return keys;
    }

    /// <summary>
    /// <paramref name="serviceId"/>'s score and level at each of the latest <paramref name="runs"/> succeeded runs that audited
    /// it (a graph facts row, or a profile for runs stored before graph facts were kept), newest first.
    /// </summary>
    public static async Task<List<RiskPoint>> ReadTrendAsync(DbConnection connection, SqlDialect dialect, string serviceId, int runs, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            SELECT runs.id, runs.audited_at, profiles.score, profiles.level
            FROM audit_runs AS runs
            LEFT JOIN audit_profiles AS profiles ON profiles.run_id = runs.id AND profiles.service_id = @service_id
            WHERE runs.status = 'succeeded'
              AND (profiles.service_id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM audit_graph_facts AS graph WHERE graph.run_id = runs.id AND graph.service_id = @service_id))
            ORDER BY runs.id DESC
            LIMIT @runs
            """)
            .AddParameter("service_id", serviceId)
            .AddParameter("runs", runs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var points = new List<RiskPoint>(runs);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            points.Add(reader.IsDBNull(2)
                ? new RiskPoint(reader.GetInt64(0), dialect.ReadTime(reader, 1), 0, RiskLevel.None)
                : new RiskPoint(reader.GetInt64(0), dialect.ReadTime(reader, 1), reader.GetInt32(2), ColumnText.ParseLevel(reader.GetString(3))));
        }

        return points;
    }

    // A profile without traits has empty policy_ids, which the table refuses: AuditResult holds only services with a trait.
    private static object?[] Row(long runId, RiskProfile profile)
    {
        var policies = profile.Traits.Select(trait => trait.PolicyId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [runId, profile.ServiceId, profile.Score, ColumnText.Level(profile.Level), string.Join(PolicySeparator, policies), DomainJson.Serialize(profile.Traits)];
    }
}
