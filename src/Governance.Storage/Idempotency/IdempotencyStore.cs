using System.Data.Common;
using System.Text.Json;
using Governance.Storage.Execution;
using Governance.Storage.Tables;

namespace Governance.Storage.Idempotency;

/// <summary>
/// The idempotency keys of the write API (<see cref="GovernanceStore.Idempotency"/>), kept in the store's database so that
/// they survive restarts and every node of a cluster sees them. A key is claimed before its request runs, completed with
/// the response once it has run, and expires after its lifetime.
/// </summary>
public sealed class IdempotencyStore
{
    private const string Running = "running";
    private const string Completed = "completed";

    private readonly StoreContext _context;

    internal IdempotencyStore(StoreContext context) => _context = context;

    /// <summary>
    /// Claims <paramref name="key"/> for the request <paramref name="fingerprint"/> names, for <paramref name="lifetime"/>. A
    /// key whose earlier use expired, that a request claimed more than <paramref name="abandonAfter"/> ago and never
    /// completed (its process died), or whose claiming process on this host is gone (<see cref="ProcessOwner"/>), is claimed afresh.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyKey key, string fingerprint, TimeSpan lifetime, TimeSpan abandonAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(abandonAfter, TimeSpan.Zero);
        var now = _context.TimeProvider.GetUtcNow();
        var dialect = _context.Dialect;
        var owner = ProcessOwner.Current;
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var (connection, transaction) = (write.Connection, write.Transaction);

        // A claim whose process on this host is gone (killed mid-request) is abandoned now rather than after abandonAfter.
        var orphaned = await ReadRunningOwnerAsync(connection, transaction, key, owner.Host, cancellationToken).ConfigureAwait(false) is { } claimant
            && claimant.IsGoneFromThisHost();
        await using (var expire = connection.CreateCommand(transaction, $"""
            DELETE FROM idempotency_keys
            WHERE actor = @actor AND request_key = @request_key
              AND (expires_at <= @now OR (status = 'running' AND created_at <= @abandoned){(orphaned ? " OR status = 'running'" : string.Empty)})
            """))
        {
            AddKey(expire, key)
                .AddParameter("now", dialect.TimeValue(now), dialect.TimeType)
                .AddParameter("abandoned", dialect.TimeValue(now - abandonAfter), dialect.TimeType);
            await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // A concurrent claim of the same key waits here for the first one's transaction, then inserts nothing.
        await using (var insert = connection.CreateCommand(transaction, """
            INSERT INTO idempotency_keys (actor, request_key, fingerprint, status, created_at, expires_at, owner_host, owner_pid, owner_started_at)
            VALUES (@actor, @request_key, @fingerprint, 'running', @created_at, @expires_at, @owner_host, @owner_pid, @owner_started_at)
            ON CONFLICT (actor, request_key) DO NOTHING
            """))
        {
            AddKey(insert, key)
                .AddParameter("fingerprint", fingerprint)
                .AddParameter("created_at", dialect.TimeValue(now), dialect.TimeType)
                .AddParameter("expires_at", dialect.TimeValue(now + lifetime), dialect.TimeType)
                .AddParameter("owner_host", owner.Host)
                .AddParameter("owner_pid", owner.ProcessId)
                .AddParameter("owner_started_at", dialect.TimeValue(owner.ProcessStartedAt), dialect.TimeType);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new IdempotencyClaim.Claimed();
            }
        }

        var found = await ReadAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found switch
        {
            null => throw new InvalidOperationException($"idempotency key '{key.Key}' of {key.Actor} was neither claimed nor found"),
            var (stored, _) when stored != fingerprint => new IdempotencyClaim.Mismatch(),
            (_, null) => new IdempotencyClaim.InProgress(),
            (_, { } response) => new IdempotencyClaim.Completed(response),
        };
    }

    /// <summary>Keeps <paramref name="response"/> as the answer to every retry of the key; false when the key is no longer claimed.</summary>
    public async Task<bool> CompleteAsync(IdempotencyKey key, StoredResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.Connection.CreateCommand(write.Transaction, """
            UPDATE idempotency_keys
            SET status = 'completed', response_status = @response_status, response_headers = @response_headers, response_body = @response_body
            WHERE actor = @actor AND request_key = @request_key AND status = 'running'
            """);
        AddKey(command, key)
            .AddParameter("response_status", response.StatusCode)
            .AddParameter("response_headers", JsonSerializer.Serialize(response.Headers))
            .AddParameter("response_body", response.Body);
        var completed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return completed;
    }

    /// <summary>Gives up a claimed key whose request did not finish, so that a retry runs it again.</summary>
    public async Task ReleaseAsync(IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = write.Connection.CreateCommand(write.Transaction, $"DELETE FROM idempotency_keys WHERE actor = @actor AND request_key = @request_key AND status = '{Running}'");
        AddKey(command, key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every key past its lifetime; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(null, "DELETE FROM idempotency_keys WHERE expires_at <= @now")
            .AddParameter("now", _context.Dialect.TimeValue(_context.TimeProvider.GetUtcNow()), _context.Dialect.TimeType);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand AddKey(DbCommand command, IdempotencyKey key) =>
        command.AddParameter("actor", key.Actor).AddParameter("request_key", key.Key);

    /// <summary>The process that claimed <paramref name="key"/>, when the claim is still running and was made on <paramref name="host"/>.</summary>
    private async Task<ProcessOwner?> ReadRunningOwnerAsync(DbConnection connection, DbTransaction transaction, IdempotencyKey key, string host, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, """
            SELECT owner_pid, owner_started_at FROM idempotency_keys
            WHERE actor = @actor AND request_key = @request_key AND status = 'running' AND owner_host = @owner_host
            """);
        AddKey(command, key).AddParameter("owner_host", host);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ProcessOwner(host, reader.GetInt32(0), _context.Dialect.ReadTime(reader, 1))
            : null;
    }

    private static async Task<(string Fingerprint, StoredResponse? Response)?> ReadAsync(DbConnection connection, DbTransaction transaction, IdempotencyKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, """
            SELECT fingerprint, status, response_status, response_headers, response_body
            FROM idempotency_keys WHERE actor = @actor AND request_key = @request_key
            """);
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var fingerprint = reader.GetString(0);
        if (reader.GetString(1) != Completed)
        {
            return (fingerprint, null);
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [];
        return (fingerprint, new StoredResponse(reader.GetInt32(2), headers, reader.GetFieldValue<byte[]>(4)));
    }
}
