using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;

namespace Governance.Storage.Audits;

/// <summary>
/// The <c>audit_runs</c> table. Status only ever moves out of <c>running</c>, and every statement that moves it says so
/// in its WHERE clause: a run that another process already failed can no longer succeed, and the reverse.
/// </summary>
internal sealed class AuditRunTable(SqlDialect dialect)
{
    public const string Interrupted = "interrupted";

    private const string Columns =
        "id, started_at, finished_at, trigger, policy_set_hash, status, audited_at, policies_evaluated, services_audited, findings, failure";

    private const string Running = "running";
    private const string Succeeded = "succeeded";
    private const string Failed = "failed";

    public async Task<long> BeginAsync(DbConnection connection, string trigger, string policySetHash, ProcessOwner owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            INSERT INTO audit_runs (started_at, trigger, policy_set_hash, status, owner_host, owner_pid, owner_started_at)
            VALUES (@started_at, @trigger, @policy_set_hash, 'running', @owner_host, @owner_pid, @owner_started_at)
            RETURNING id
            """)
            .AddParameter("started_at", dialect.TimeValue(now), dialect.TimeType)
            .AddParameter("trigger", trigger)
            .AddParameter("policy_set_hash", policySetHash)
            .AddParameter("owner_host", owner.Host)
            .AddParameter("owner_pid", owner.ProcessId)
            .AddParameter("owner_started_at", dialect.TimeValue(owner.ProcessStartedAt), dialect.TimeType);
        return await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The runs still running that a process on <paramref name="host"/> began, with their owners, oldest first.</summary>
    public async Task<List<(long Id, ProcessOwner Owner)>> ListRunningOnHostAsync(DbConnection connection, string host, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            SELECT id, owner_pid, owner_started_at FROM audit_runs
            WHERE status = 'running' AND owner_host = @owner_host
            ORDER BY id
            """)
            .AddParameter("owner_host", host);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<(long, ProcessOwner)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add((reader.GetInt64(0), new ProcessOwner(host, reader.GetInt32(1), dialect.ReadTime(reader, 2))));
        }

        return runs;
    }

    /// <summary>Marks a running run succeeded with its result's figures; false when it is not running (or not there).</summary>
    public async Task<bool> SucceedAsync(DbConnection connection, DbTransaction transaction, long id, AuditResult result, int findings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, """
            UPDATE audit_runs
            SET status = 'succeeded', finished_at = @finished_at, audited_at = @audited_at,
                policies_evaluated = @policies_evaluated, services_audited = @services_audited, findings = @findings
            WHERE id = @id AND status = 'running'
            """)
            .AddParameter("finished_at", dialect.TimeValue(now), dialect.TimeType)
            .AddParameter("audited_at", dialect.TimeValue(result.At), dialect.TimeType)
            .AddParameter("policies_evaluated", result.PoliciesEvaluated)
            .AddParameter("services_audited", result.ServicesAudited)
            .AddParameter("findings", findings)
            .AddParameter("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Marks a running run failed; false when it is not running (or not there).</summary>
    public async Task<bool> FailAsync(DbConnection connection, long id, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            UPDATE audit_runs SET status = 'failed', finished_at = @finished_at, failure = @failure
            WHERE id = @id AND status = 'running'
            """)
            .AddParameter("finished_at", dialect.TimeValue(now), dialect.TimeType)
            .AddParameter("failure", reason)
            .AddParameter("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Fails every run still running that started before <paramref name="cutoff"/>, and returns their ids.</summary>
    public async Task<List<long>> FailStartedBeforeAsync(DbConnection connection, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, """
            UPDATE audit_runs SET status = 'failed', finished_at = @finished_at, failure = @failure
            WHERE status = 'running' AND started_at < @cutoff
            RETURNING id
            """)
            .AddParameter("finished_at", dialect.TimeValue(now), dialect.TimeType)
            .AddParameter("failure", Interrupted)
            .AddParameter("cutoff", dialect.TimeValue(cutoff), dialect.TimeType);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt64(0));
        }

        ids.Sort();
        return ids;
    }

    public async Task<AuditRun?> ReadAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, $"SELECT {Columns} FROM audit_runs WHERE id = @id").AddParameter("id", id);
        return (await QueryAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The newest succeeded run, or the newest one older than <paramref name="before"/>; null when there is none.</summary>
    public async Task<AuditRun?> ReadLatestSucceededAsync(DbConnection connection, DbTransaction? transaction, long? before, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, before is null
            ? $"SELECT {Columns} FROM audit_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1"
            : $"SELECT {Columns} FROM audit_runs WHERE status = 'succeeded' AND id < @before ORDER BY id DESC LIMIT 1");
        if (before is { } id)
        {
            command.AddParameter("before", id);
        }

        return (await QueryAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<List<AuditRun>> ListAsync(DbConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, $"SELECT {Columns} FROM audit_runs ORDER BY id DESC LIMIT @limit").AddParameter("limit", limit);
        return await QueryAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<AuditRun>> QueryAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<AuditRun>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new AuditRun(
                reader.GetInt64(0),
                dialect.ReadTime(reader, 1),
                reader.IsDBNull(2) ? null : dialect.ReadTime(reader, 2),
                reader.GetString(3),
                reader.GetString(4),
                ParseStatus(reader.GetString(5)),
                reader.IsDBNull(6) ? null : dialect.ReadTime(reader, 6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return runs;
    }

    private static AuditRunStatus ParseStatus(string status) => status switch
    {
        Running => AuditRunStatus.Running,
        Succeeded => AuditRunStatus.Succeeded,
        Failed => AuditRunStatus.Failed,
        _ => throw new InvalidOperationException($"audit_runs holds an unknown status '{status}'"),
    };
}
