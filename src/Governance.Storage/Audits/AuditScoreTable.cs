using System.Data;
using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Storage.Dialects;
using Governance.Storage.Execution;
using Governance.Storage.Writing;

namespace Governance.Storage.Audits;

/// <summary>
/// The <c>audit_scores</c> table: every service a run audited with its score, 0 where the run found nothing that counts. Written
/// in the run's completing transaction; what lists join (one narrow row a service) to show and filter on risk.
/// </summary>
internal static class AuditScoreTable
{
    private static readonly Statement Insert = new(
        "INSERT INTO audit_scores (run_id, service_id, score) VALUES (@run_id, @service_id, @score)",
        new("run_id", DbType.Int64), new("service_id", DbType.String), new("score", DbType.Int32));

    /// <summary>Writes the score of every one of <paramref name="serviceIds"/>: its profile's in <paramref name="result"/>, else 0.</summary>
    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long runId, IReadOnlyList<string> serviceIds, AuditResult result, CancellationToken cancellationToken)
    {
        var scores = result.Profiles.ToDictionary(profile => profile.ServiceId, profile => profile.Score, StringComparer.Ordinal);
        var rows = ParallelMap.MapAheadAsync(serviceIds, id => new object?[] { runId, id, scores.GetValueOrDefault(id) }, cancellationToken);
        return BulkRows.InsertAsync(connection, transaction, dialect, "audit_scores", Insert, rows, cancellationToken);
    }
}
