using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Storage.Browsing;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;

namespace Governance.Storage.Audits;

/// <summary>
/// The tables of what a run adds up to, written in the transaction that marks it succeeded, after its profiles and graph facts:
/// <c>audit_run_tiers</c> (services by tier and level) and <c>audit_run_changes</c> (its diff's counts) and <c>audit_run_changed_findings</c> (the first of its diff's lists).
/// </summary>
internal static class AuditSummaryTable
{
    // Every audited service has a graph facts row; those without a profile were found at level none.
    private const string InsertTiers = """
        INSERT INTO audit_run_tiers (run_id, tier, level, services)
        SELECT graph.run_id, services.tier, COALESCE(profiles.level, 'none'), COUNT(*)
        FROM audit_graph_facts AS graph
        JOIN services ON services.id = graph.service_id
        LEFT JOIN audit_profiles AS profiles ON profiles.run_id = graph.run_id AND profiles.service_id = graph.service_id
        WHERE graph.run_id = @run_id
        GROUP BY graph.run_id, services.tier, COALESCE(profiles.level, 'none')
        """;

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, AuditRun? previous, long runId, AuditResult result, CancellationToken cancellationToken)
    {
        await using (var tiers = connection.CreateCommand(transaction, InsertTiers).AddParameter("run_id", runId))
        {
            await tiers.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var before = previous is null ? [] : (await AuditProfileTable.ReadKeysAsync(connection, transaction, previous.Id, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var now = result.Profiles.SelectMany(profile => profile.Traits.Select(trait => new FindingKey(profile.ServiceId, trait.PolicyId))).ToHashSet();
        var unchanged = now.Count(before.Contains);
        var changes = new AuditRunChanges(runId, previous?.Id, now.Count - unchanged, before.Count - unchanged, unchanged);
        await using var insert = connection.CreateCommand(transaction, """
            INSERT INTO audit_run_changes (run_id, previous_run_id, new_findings, resolved_findings, unchanged_findings)
            VALUES (@run_id, @previous_run_id, @new_findings, @resolved_findings, @unchanged_findings)
            """)
            .AddParameter("run_id", runId)
            .AddParameter("previous_run_id", previous?.Id, System.Data.DbType.Int64)
            .AddParameter("new_findings", changes.New)
            .AddParameter("resolved_findings", changes.Resolved)
            .AddParameter("unchanged_findings", changes.Unchanged);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await AuditChangedFindingTable.WriteAsync(connection, transaction, dialect, runId, before, now, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<TierRiskCount>> ReadTiersAsync(DbConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT tier, level, services FROM audit_run_tiers WHERE run_id = @run_id")
            .AddParameter("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<TierRiskCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new TierRiskCount(reader.IsDBNull(0) ? null : reader.GetInt32(0), ColumnText.ParseLevel(reader.GetString(1)), reader.GetInt32(2)));
        }

        return [.. counts.OrderBy(count => count.Tier ?? int.MaxValue).ThenBy(count => count.Level)];
    }

    public static async Task<AuditRunChanges?> ReadChangesAsync(DbConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            SELECT previous_run_id, new_findings, resolved_findings, unchanged_findings FROM audit_run_changes WHERE run_id = @run_id
            """).AddParameter("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditRunChanges(runId, reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3))
            : null;
    }
}
