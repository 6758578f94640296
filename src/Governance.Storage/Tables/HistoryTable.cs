using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Governance.Domain.History;
using Governance.Storage.Dialects;
using Governance.Storage.Writing;

namespace Governance.Storage.Tables;

/// <summary>
/// The append-only <c>history</c> table and its <c>history_head</c>. It can insert an entry and move the head;
/// there is deliberately no statement here that updates or deletes an entry.
/// </summary>
internal sealed class HistoryTable
{
    /// <summary>The subject a stale move of the head is reported under.</summary>
    public const string HeadSubject = "history_head";

    private const string Select = "SELECT sequence, recorded_at, actor, subject, command, payload, version, previous_hash, hash, state_hash FROM history";
    private const string ReadHead = "SELECT sequence, hash FROM history_head WHERE id = 1";

    private readonly SqlDialect _dialect;
    private readonly string _lockHead;
    private readonly Statement _append;
    private readonly Statement _moveHead;

    public HistoryTable(SqlDialect dialect)
    {
        _dialect = dialect;
        _lockHead = $"{ReadHead}{dialect.LockRowsClause}";
        _append = new Statement(
            """
            INSERT INTO history (sequence, recorded_at, actor, subject, command, payload, version, previous_hash, hash, state_hash)
            VALUES (@sequence, @recorded_at, @actor, @subject, @command, @payload, @version, @previous_hash, @hash, @state_hash)
            """,
            new("sequence", DbType.Int64), new("recorded_at", dialect.TimeType), new("actor", DbType.String), new("subject", DbType.String),
            new("command", DbType.String), new("payload", DbType.String), new("version", DbType.Int64), new("previous_hash", DbType.String),
            new("hash", DbType.String), new("state_hash", DbType.String));
        _moveHead = new Statement(
            "UPDATE history_head SET sequence = @sequence, hash = @hash WHERE id = 1 AND sequence = @previous_sequence",
            new("sequence", DbType.Int64), new("hash", DbType.String), new("previous_sequence", DbType.Int64));
    }

    /// <summary>Reads the head inside a write transaction and locks it (where the dialect locks rows) so that appenders queue.</summary>
    public Task<HistoryHead> LockHeadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        QueryHeadAsync(connection, transaction, _lockHead, cancellationToken);

    /// <summary>Reads the head without locking it: in a snapshot transaction, the head that goes with the log it sees.</summary>
    public Task<HistoryHead> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        QueryHeadAsync(connection, transaction, ReadHead, cancellationToken);

    private static async Task<HistoryHead> QueryHeadAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new HistoryHead(reader.GetInt64(0), reader.GetString(1))
            : throw new InvalidOperationException("The history_head row is missing: the schema was tampered with.");
    }

    public ValueTask AppendAsync(RowWriter writer, HistoryEntry entry, CancellationToken cancellationToken) =>
        writer.AddAsync(
            _append,
            [entry.Sequence, _dialect.TimeValue(entry.RecordedAt), entry.Actor, entry.Subject, entry.Command, entry.Payload, entry.Version, entry.PreviousHash, entry.Hash, entry.StateHash],
            null,
            cancellationToken);

    public ValueTask MoveHeadAsync(RowWriter writer, HistoryHead from, HistoryHead to, CancellationToken cancellationToken) =>
        writer.AddAsync(_moveHead, [to.Sequence, to.Hash, from.Sequence], new RowExpectation(HeadSubject, from.Sequence), cancellationToken);

    /// <summary>Streams entries in sequence order, all of them or one subject's, from entry <paramref name="fromSequence"/> on.</summary>
    public async IAsyncEnumerable<HistoryEntry> ReadAsync(DbConnection connection, DbTransaction? transaction, string? subject, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, subject is null
            ? $"{Select} WHERE sequence >= @from ORDER BY sequence"
            : $"{Select} WHERE subject = @subject AND sequence >= @from ORDER BY sequence");
        command.AddParameter("from", fromSequence);
        if (subject is not null)
        {
            command.AddParameter("subject", subject);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new HistoryEntry(
                reader.GetInt64(0),
                _dialect.ReadTime(reader, 1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt64(6),
                reader.GetString(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9));
        }
    }

    public static async Task<long> CountAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(null, "SELECT COUNT(*) FROM history");
        return await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false);
    }
}
