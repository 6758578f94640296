using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Governance.Domain.Audit;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;
using Governance.Storage.Writing;

namespace Governance.Storage.Audits;

/// <summary>
/// The <c>audit_run_changed_findings</c> table: the first <see cref="Listed"/> findings a run found new, and resolved, against
/// the run before it, by service then policy. Written in the run's completing transaction beside the diff's counts.
/// </summary>
internal static class AuditChangedFindingTable
{
    /// <summary>How many findings of each kind of change are kept (and a page lists).</summary>
    public const int Listed = 200;

    private const string New = "new";
    private const string Resolved = "resolved";

    private static readonly Statement Insert = new(
        "INSERT INTO audit_run_changed_findings (run_id, change, service_id, policy_id) VALUES (@run_id, @change, @service_id, @policy_id)",
        new("run_id", DbType.Int64), new("change", DbType.String), new("service_id", DbType.String), new("policy_id", DbType.String));

    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long runId, HashSet<FindingKey> before, HashSet<FindingKey> now, CancellationToken cancellationToken)
    {
        object?[][] rows =
        [
            .. First(now.Where(key => !before.Contains(key))).Select(key => Row(runId, New, key)),
            .. First(before.Where(key => !now.Contains(key))).Select(key => Row(runId, Resolved, key)),
        ];
        return BulkRows.InsertAsync(connection, transaction, dialect, "audit_run_changed_findings", Insert, Once(rows), cancellationToken);
    }

    /// <summary>The kept findings of run <paramref name="runId"/>: new, then resolved, each by service then policy.</summary>
    public static async Task<(List<FindingKey> New, List<FindingKey> Resolved)> ReadAsync(DbConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            SELECT change, service_id, policy_id FROM audit_run_changed_findings WHERE run_id = @run_id ORDER BY change, service_id, policy_id
            """).AddParameter("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var (found, resolved) = (new List<FindingKey>(), new List<FindingKey>());
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            (reader.GetString(0) == New ? found : resolved).Add(new FindingKey(reader.GetString(1), reader.GetString(2)));
        }

        return (found, resolved);
    }

    // OrderBy followed by Take sorts only as far as the first few: the first run of a large fleet finds hundreds of thousands new.
    private static IEnumerable<FindingKey> First(IEnumerable<FindingKey> keys) =>
        keys.OrderBy(key => key.ServiceId, StringComparer.Ordinal).ThenBy(key => key.PolicyId, StringComparer.Ordinal).Take(Listed);

    private static object?[] Row(long runId, string change, FindingKey key) => [runId, change, key.ServiceId, key.PolicyId];

    private static async IAsyncEnumerable<object?[][]> Once(object?[][] rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        yield return rows;
    }
}
