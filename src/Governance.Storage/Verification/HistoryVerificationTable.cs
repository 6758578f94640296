using System.Data.Common;
using Governance.Domain.History;
using Governance.Storage.Dialects;
using Governance.Storage.Tables;

namespace Governance.Storage.Verification;

/// <summary>
/// The <c>history_verifications</c> table: every verification's outcome. The latest answers "is the store intact?" without
/// recomputing; the latest intact one is the checkpoint an incremental verification starts after.
/// </summary>
internal sealed class HistoryVerificationTable(SqlDialect dialect)
{
    private const string Columns =
        "verified_at, scope, status, from_sequence, head_sequence, head_hash, entries_checked, states_checked, states_not_covered, problem_count, problems, elapsed_ms";

    private const string Intact = "intact";

    public async Task RecordAsync(DbConnection connection, DbTransaction transaction, VerificationRecord verification, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, $"""
            INSERT INTO history_verifications ({Columns})
            VALUES (@verified_at, @scope, @status, @from_sequence, @head_sequence, @head_hash, @entries_checked, @states_checked,
                    @states_not_covered, @problem_count, @problems, @elapsed_ms)
            """)
            .AddParameter("verified_at", dialect.TimeValue(verification.VerifiedAt), dialect.TimeType)
            .AddParameter("scope", ScopeName(verification.Scope))
            .AddParameter("status", verification.IsIntact ? Intact : "broken")
            .AddParameter("from_sequence", verification.FromSequence)
            .AddParameter("head_sequence", verification.Head.Sequence)
            .AddParameter("head_hash", verification.Head.Hash)
            .AddParameter("entries_checked", verification.EntriesChecked)
            .AddParameter("states_checked", verification.StatesChecked)
            .AddParameter("states_not_covered", verification.StatesNotCovered)
            .AddParameter("problem_count", verification.ProblemCount)
            .AddParameter("problems", string.Join('\n', verification.Problems))
            .AddParameter("elapsed_ms", (long)verification.Elapsed.TotalMilliseconds);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last verification recorded, or null when there has been none.</summary>
    public async Task<VerificationRecord?> ReadLatestAsync(DbConnection connection, DbTransaction? transaction, bool intactOnly, CancellationToken cancellationToken)
    {
        var filter = intactOnly ? $"WHERE status = '{Intact}' " : "";
        await using var command = connection.CreateCommand(transaction, $"SELECT {Columns} FROM history_verifications {filter}ORDER BY id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var problems = reader.GetString(10);
        return new VerificationRecord(
            dialect.ReadTime(reader, 0),
            reader.GetString(1) == "full" ? VerificationScope.Full : VerificationScope.Incremental,
            reader.GetString(2) == Intact,
            reader.GetInt64(3),
            new HistoryHead(reader.GetInt64(4), reader.GetString(5)),
            reader.GetInt64(6),
            reader.GetInt64(7),
            reader.GetInt64(8),
            reader.GetInt64(9),
            problems.Length == 0 ? [] : problems.Split('\n'),
            TimeSpan.FromMilliseconds(reader.GetInt64(11)));
    }

    private static string ScopeName(VerificationScope scope) => scope == VerificationScope.Full ? "full" : "incremental";
}
