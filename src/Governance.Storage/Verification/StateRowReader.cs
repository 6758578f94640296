using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Governance.Domain.History;
using Governance.Storage.Tables;

namespace Governance.Storage.Verification;

/// <summary>
/// Reads every current state row with the last history entry of its subject (one index seek each), and every subject the
/// history has entries for: what <see cref="StateVerifier"/> checks.
/// </summary>
internal static class StateRowReader
{
    // Each state table, and the expression that gives a row's history subject.
    private static readonly (string Table, string Subject)[] StateTables =
    [
        ("services", $"'{ServiceTable.SubjectPrefix}' || s.id"),
        ("catalog_entities", "s.kind || ':' || s.id"),
    ];

    public static async IAsyncEnumerable<StoredStateRow> ReadAsync(DbConnection connection, DbTransaction transaction, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (table, subject) in StateTables)
        {
            await using var command = connection.CreateCommand(transaction, $"""
                SELECT {subject}, s.version, s.state, h.sequence, h.version, h.state_hash
                FROM {table} s
                LEFT JOIN history h ON h.sequence = (SELECT MAX(sequence) FROM history WHERE subject = {subject})
                """);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new StoredStateRow(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }
    }

    /// <summary>Every subject with history, and its last entry's sequence, from the subject index alone.</summary>
    public static async IAsyncEnumerable<(string Subject, long LastSequence)> ReadSubjectsAsync(DbConnection connection, DbTransaction transaction, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, "SELECT subject, MAX(sequence) FROM history GROUP BY subject");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetString(0), reader.GetInt64(1));
        }
    }
}
